import { expect, screenshot, test } from "./fixtures.js";

test("“Test this journey” on the demo cascade shows the path and three rendered messages with their times", async ({
  signedIn: page,
  api,
}) => {
  // The demo workspace (seeded on first start) holds a cascade journey: cheapest channel first, escalating without a response.
  const journeys = await api.journeys();
  let cascadeId: string | null = null;
  for (const j of journeys) {
    const full = await api.call("GET", `/api/journeys/${j.id}`);
    const doc = full.document as { nodes?: { type: string }[] } | undefined; // why: GET /api/journeys/:id carries the document
    if (doc?.nodes?.some((n) => n.type === "message.cascade")) {
      cascadeId = j.id;
      break;
    }
  }
  expect(cascadeId, "the demo workspace has a cascade journey").not.toBeNull();

  await page.goto(`/journeys/${cascadeId}`);
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await page.getByTestId("open-test").click();
  const panel = page.getByTestId("test-panel");
  await panel.getByRole("tab", { name: "Describe one" }).click();
  await panel.getByLabel("Profile attributes (JSON)").fill(
    JSON.stringify({
      email: "grace@example.com",
      firstName: "Grace",
      phone: "+15550100",
      telegramChatId: "777",
      pushSubscriptions: [],
    }),
  );
  // Only the enrolling event: nobody responds, so the cascade runs through every channel.
  await panel.getByTestId("run-test").click();

  const result = panel.getByTestId("test-result");
  await expect(result).toBeVisible({ timeout: 60_000 });
  const messages = result.getByTestId("sim-message");
  await expect(messages).toHaveCount(3);
  for (const time of await result.getByTestId("sim-message-time").allTextContents())
    expect(time).toMatch(/at entry|\+\d/);
  await expect(messages.first()).toContainText("Grace");
  // The path lights up on the canvas.
  await expect(page.locator(".jnode--visited").first()).toBeVisible();
  await screenshot(page, "editor-test-cascade");
});
