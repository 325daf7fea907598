import { expect, expectAccessible, screenshot, test } from "./fixtures.js";

test("a pre-publish warning (no goal, messages back to back) is shown and the journey publishes through it", async ({
  signedIn: page,
  api,
}) => {
  const id = await api.createJourney({
    name: `Warned ${Date.now()}`,
    nodes: [
      { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "Signed Up" } },
      {
        id: "m1",
        type: "message.email",
        name: "Welcome email",
        position: { x: 0, y: 160 },
        config: { subject: "Welcome", body: "Hi" },
      },
      {
        id: "m2",
        type: "message.sms",
        name: "Welcome text",
        position: { x: 0, y: 320 },
        config: { text: "Hi" },
      },
      { id: "x", type: "exit", position: { x: 0, y: 480 }, config: {} },
    ],
    edges: [
      { id: "e1", source: "t", target: "m1" },
      { id: "e2", source: "m1", target: "m2" },
      { id: "e3", source: "m2", target: "x" },
    ],
  });
  await page.goto(`/journeys/${id}`);
  await expect(page.getByTestId("node-m1")).toBeVisible();
  await page.getByTestId("publish").click();
  const warnings = page.getByTestId("publish-warnings");
  await expect(warnings).toContainText("no conversion goal");
  await expect(warnings).toContainText("'Welcome text' goes out right after 'Welcome email'");
  await expect(page.getByTestId("confirm-publish")).toBeEnabled();
  await expectAccessible(page);
  await screenshot(page, "publish-warnings");
  await page.getByTestId("confirm-publish").click();
  await expect(page.getByTestId("publish-dialog")).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => (await api.call("GET", `/api/journeys/${id}`)).status).toBe("live");
});
