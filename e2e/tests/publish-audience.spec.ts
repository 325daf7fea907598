import { expect, expectAccessible, screenshot, test } from "./fixtures.js";

test("publishing a segment-triggered journey shows how many people are in the segment now", async ({
  signedIn: page,
  api,
}) => {
  const cohort = `cohort-${Date.now()}`;
  for (const n of [1, 2, 3])
    await api.ingest("identify", { userId: `${cohort}-${n}`, traits: { cohort } });
  const segment = await api.call("POST", "/api/segments", {
    name: "Spring cohort",
    condition: { attr: "cohort", op: "eq", value: cohort },
  });
  const id = await api.createJourney({
    name: `Audience ${cohort}`,
    nodes: [
      {
        id: "t",
        type: "trigger.segment",
        position: { x: 0, y: 0 },
        config: { segmentId: segment.id, enrolExisting: true },
      },
      { id: "x", type: "exit", position: { x: 0, y: 200 }, config: {} },
    ],
    edges: [{ id: "e1", source: "t", target: "x" }],
  });
  await page.goto(`/journeys/${id}`);
  await expect(page.getByTestId("node-t")).toBeVisible();
  // Ingestion applies traits from its outbox: wait until all three count.
  await expect
    .poll(async () => (await api.call("GET", `/api/segments/${String(segment.id)}`)).count, {
      timeout: 30_000,
    })
    .toBe(3);
  await page.getByTestId("publish").click();
  await expect(page.getByTestId("publish-audience")).toContainText(
    "About 3 people are in “Spring cohort” now; they all enter when you publish",
  );
  await expectAccessible(page);
  await screenshot(page, "publish-audience");
});
