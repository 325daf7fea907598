import { expect, test } from "./fixtures.js";

test("the segment builder counts matching profiles live as the rules change, and saves the segment", async ({
  signedIn: page,
  api,
}) => {
  await page.goto("/segments/new");
  const count = page.getByTestId("segment-count");
  await expect(count).not.toHaveText("…", { timeout: 60_000 });
  const everyone = Number((await count.textContent())?.replace(/\D/g, ""));
  expect(everyone).toBeGreaterThan(0);

  await page.getByRole("button", { name: "+ Attribute rule" }).click();
  await page.getByLabel("Attribute").fill("country");
  await page.getByLabel("Value").fill("DE");
  const expected = (
    await api.call("POST", "/api/segments/preview", {
      condition: { all: [{ attr: "country", op: "eq", value: "DE" }] },
    })
  ).count;
  await expect(count).toHaveText(Number(expected).toLocaleString("en-US"), { timeout: 60_000 });
  expect(Number(expected)).toBeLessThan(everyone);

  await page.getByLabel("Name").fill("Germany (e2e)");
  await page.getByRole("button", { name: "Save segment" }).click();
  await page.waitForURL(/\/segments\/(?!new)[^/]+$/);
  const segments = (await api.call("GET", "/api/segments")).items as {
    name: string;
    condition: unknown;
  }[]; // why: GET /api/segments answers { items }
  expect(segments.find((s) => s.name === "Germany (e2e)")?.condition).toEqual({
    all: [{ attr: "country", op: "eq", value: "DE" }],
  });
});
