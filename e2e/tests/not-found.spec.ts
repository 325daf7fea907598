import { expect, expectAccessible, screenshot, test } from "./fixtures.js";

test("an unknown studio address shows a not-found screen with a way back, not the server's JSON", async ({
  signedIn: page,
}) => {
  const response = await page.goto("/no-such-page/at-all");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText('"error"');
  await expectAccessible(page);
  await screenshot(page, "not-found");
  await page.getByRole("link", { name: "Go to journeys" }).click();
  await expect(page.getByRole("heading", { name: "Journeys", exact: true })).toBeVisible();
});

test("a missing journey, profile or segment says so and links back to its list", async ({
  signedIn: page,
}) => {
  const cases = [
    { path: "/journeys/no-such-journey", title: "Journey not found", back: "Back to journeys" },
    { path: "/profiles/no-such-profile", title: "Profile not found", back: "Back to profiles" },
    { path: "/segments/no-such-segment", title: "Segment not found", back: "Back to segments" },
  ];
  for (const c of cases) {
    await page.goto(c.path);
    await expect(page.getByRole("heading", { name: c.title })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: c.back })).toBeVisible();
  }
  await expectAccessible(page);
  await screenshot(page, "segment-not-found");
  await page.getByRole("link", { name: "Back to segments" }).click();
  await expect(page.getByRole("heading", { name: "Segments", exact: true })).toBeVisible();
});
