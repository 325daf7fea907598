import {
  connect,
  dropFromPalette,
  expect,
  expectSaved,
  newBlankJourney,
  node,
  test,
} from "./fixtures.js";

const mod = process.platform === "darwin" ? "Meta" : "Control";

/** Two connected steps dropped from the palette: a trigger and an email. */
async function twoSteps(page: import("@playwright/test").Page) {
  // Side by side as well as one above the other, so they cannot overlap.
  await dropFromPalette(page, "trigger.event", { x: 170, y: 60 });
  await expect(node(page, "trigger-event-1")).toBeVisible();
  await dropFromPalette(page, "message.email", { x: 470, y: 360 });
  await expect(node(page, "message-email-1")).toBeVisible();
  await connect(page, "trigger-event-1", "message-email-1");
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
}

test("undo and redo step back and forward through edits, with the keyboard and the toolbar", async ({
  signedIn: page,
}) => {
  await newBlankJourney(page);
  await twoSteps(page);
  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);
  await page.keyboard.press(`${mod}+z`);
  await expect(node(page, "message-email-1")).toHaveCount(0);
  await page.getByTestId("cmd-redo").click();
  await expect(node(page, "message-email-1")).toBeVisible();
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
});

test("a drag is one undo step", async ({ signedIn: page }) => {
  await newBlankJourney(page);
  await twoSteps(page);
  const email = node(page, "message-email-1");
  const before = await email.boundingBox();
  if (!before) throw new Error("no box");
  await page.mouse.move(before.x + 60, before.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(before.x + 60 + i * 20, before.y + 20 + i * 5);
  await page.mouse.up();
  const moved = await email.boundingBox();
  expect(moved!.x).toBeGreaterThan(before.x + 100);
  await page.keyboard.press(`${mod}+z`);
  const back = await email.boundingBox();
  expect(Math.abs(back!.x - before.x)).toBeLessThan(2);
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
});

test("copy and paste duplicates the selected steps with the connection between them", async ({
  signedIn: page,
}) => {
  await newBlankJourney(page);
  await twoSteps(page);
  await node(page, "trigger-event-1").click();
  await node(page, "message-email-1").click({ modifiers: ["Shift"] });
  await page.keyboard.press(`${mod}+c`);
  await page.keyboard.press(`${mod}+v`);
  await expect(node(page, "trigger-event-2")).toBeVisible();
  await expect(node(page, "message-email-2")).toBeVisible();
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  await expect(node(page, "trigger-event-2")).toHaveClass(/jnode--selected/);
});

test("auto-layout tidies the steps top to bottom", async ({ signedIn: page }) => {
  await newBlankJourney(page);
  // Dropped side by side, the email even above its trigger.
  await dropFromPalette(page, "message.email", { x: 120, y: 80 });
  await dropFromPalette(page, "trigger.event", { x: 420, y: 260 });
  await connect(page, "trigger-event-1", "message-email-1");
  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("Shift+L");
  await expect
    .poll(async () => {
      const t = await node(page, "trigger-event-1").boundingBox();
      const m = await node(page, "message-email-1").boundingBox();
      return t && m
        ? m.y > t.y + t.height && Math.abs(m.x + m.width / 2 - (t.x + t.width / 2)) < 4
        : false;
    })
    .toBe(true);
});

test("the ? key opens the shortcuts overlay listing every command; Escape and the close button dismiss it", async ({
  signedIn: page,
}) => {
  await newBlankJourney(page);
  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  for (const label of [
    "Undo",
    "Redo",
    "Copy",
    "Paste",
    "Tidy up layout",
    "Zoom to fit",
    "Delete selection",
  ]) {
    await expect(dialog.getByText(label, { exact: true })).toBeVisible();
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.getByTestId("cmd-help").click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});

test("Delete removes the selected step and select-all selects everything", async ({
  signedIn: page,
}) => {
  await newBlankJourney(page);
  await twoSteps(page);
  await node(page, "message-email-1").click();
  await page.keyboard.press("Delete");
  await expect(node(page, "message-email-1")).toHaveCount(0);
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);
  await page.keyboard.press(`${mod}+a`);
  await expect(node(page, "trigger-event-1")).toHaveClass(/jnode--selected/);
});

test("a reload keeps the draft: steps, connections and config come back from the server", async ({
  signedIn: page,
}) => {
  await newBlankJourney(page);
  await twoSteps(page);
  await node(page, "trigger-event-1").click();
  await page.getByLabel("Event", { exact: true }).fill("signed_up");
  await expectSaved(page);
  await page.reload();
  await expect(node(page, "trigger-event-1")).toContainText("signed_up");
  await expect(node(page, "message-email-1")).toBeVisible();
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
});
