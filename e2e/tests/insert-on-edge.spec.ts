import { connect, dropFromPalette, expect, newBlankJourney, node, test } from "./fixtures.js";

test("a step dropped on a connection is inserted between its two ends, as one undo step", async ({
  signedIn: page,
}) => {
  await newBlankJourney(page);
  await dropFromPalette(page, "trigger.event", { x: 300, y: 40 });
  await dropFromPalette(page, "exit", { x: 300, y: 480 });
  await connect(page, "trigger-event-1", "exit-1");
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);

  const pane = await page.locator(".react-flow__pane").boundingBox();
  const from = await node(page, "trigger-event-1")
    .locator(".react-flow__handle.source")
    .boundingBox();
  const to = await node(page, "exit-1").locator(".react-flow__handle.target").boundingBox();
  if (!pane || !from || !to) throw new Error("canvas not laid out");
  // Halfway down the connection, in the pane's coordinates.
  const x = from.x + from.width / 2 - pane.x;
  const y = (from.y + to.y) / 2 - pane.y;
  await page
    .getByTestId("palette-message.email")
    .dragTo(page.locator(".react-flow__pane"), { targetPosition: { x, y } });

  await expect(node(page, "message-email-1")).toBeVisible();
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  await expect(page.getByTestId("rf__edge-e1")).toHaveCount(0);
  await expect(
    page.locator('.react-flow__edge[aria-label="Edge from trigger-event-1 to message-email-1"]'),
  ).toHaveCount(1);
  await expect(
    page.locator('.react-flow__edge[aria-label="Edge from message-email-1 to exit-1"]'),
  ).toHaveCount(1);

  await page.locator(".react-flow__pane").click({ position: { x: 10, y: 10 } });
  await page.keyboard.press(process.platform === "darwin" ? "Meta+z" : "Control+z");
  await expect(node(page, "message-email-1")).toHaveCount(0);
  await expect(
    page.locator('.react-flow__edge[aria-label="Edge from trigger-event-1 to exit-1"]'),
  ).toHaveCount(1);
});
