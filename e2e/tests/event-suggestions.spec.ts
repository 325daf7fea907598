import { dropFromPalette, expect, newBlankJourney, node, screenshot, test } from "./fixtures.js";

test("event-name fields suggest the workspace's tracked events and warn about a name never seen; a new wait starts at one day", async ({
  signedIn: page,
  api,
}) => {
  // Tracked by the demo workspace, named by none of this journey's steps.
  const tracked = "Product Viewed";
  await api.ingest("track", { userId: "suggest-1", event: tracked });
  await newBlankJourney(page);
  await dropFromPalette(page, "trigger.event", { x: 260, y: 60 });
  await node(page, "trigger-event-1").click();
  const field = page.getByLabel("Event", { exact: true });
  // Suggested although no step of this journey names it.
  const listId = await field.getAttribute("list");
  await expect(page.locator(`datalist[id="${listId}"] option[value="${tracked}"]`)).toHaveCount(1, {
    timeout: 60_000,
  });
  await field.fill(tracked);
  await expect(page.getByTestId("unseen-event")).toHaveCount(0);
  await field.fill(`${tracked}x`);
  await expect(page.getByTestId("unseen-event")).toContainText("has been tracked");
  await screenshot(page, "editor-unseen-event");

  await dropFromPalette(page, "wait.duration", { x: 260, y: 260 });
  await node(page, "wait-duration-1").click();
  await expect(page.getByLabel("Wait for", { exact: true })).toHaveValue("1");
  await expect(node(page, "wait-duration-1")).toContainText("1 day");
});
