import {
  connect,
  dropFromPalette,
  expect,
  expectAccessible,
  expectSaved,
  keepApart,
  newBlankJourney,
  node,
  screenshot,
  test,
} from "./fixtures.js";

test("a marketer builds the abandoned-cart journey from an empty canvas and previews its email for a chosen customer and cart", async ({
  signedIn: page,
  api,
}) => {
  test.setTimeout(240_000);
  // A customer who started a checkout: the preview's sample event comes from their own history.
  const userId = `zz-cart-${Date.now()}`;
  const email = `${userId}@example.com`;
  await api.ingest("identify", { userId, traits: { email, firstName: "Grace" } });
  await api.ingest("track", {
    userId,
    event: "Checkout Started",
    properties: { value: 42, currency: "EUR" },
  });

  await newBlankJourney(page);
  await page.getByLabel("Journey name").fill("Abandoned cart (e2e)");

  await dropFromPalette(page, "trigger.event", { x: 260, y: 50 });
  await node(page, "trigger-event-1").click();
  await page.getByLabel("Event", { exact: true }).fill("Checkout Started");

  await dropFromPalette(page, "wait.event", { x: 260, y: 180 });
  await keepApart(page, "trigger-event-1", "wait-event-1");
  await node(page, "wait-event-1").click();
  await page.getByLabel("Event", { exact: true }).fill("Order Completed");
  await page.getByLabel("Amount").fill("1");
  await page.getByLabel("Unit").selectOption("hour");
  await connect(page, "trigger-event-1", "wait-event-1");

  await dropFromPalette(page, "message.email", { x: 480, y: 330 });
  await keepApart(page, "wait-event-1", "message-email-1");
  await node(page, "message-email-1").click();
  await page
    .getByLabel("Subject")
    .fill("{{ profile.firstName | default: 'Hi' }}, your cart is waiting");
  await page
    .getByLabel("Preheader")
    .fill("{{ event.properties.value }} {{ event.properties.currency }} saved for you");
  await page
    .getByLabel("Body")
    .fill(
      '<p>You left items worth <b>{{ event.properties.value }} {{ event.properties.currency }}</b> in your cart.</p><p><a href="https://shop.example.com/cart">Finish your order</a></p>',
    );
  await connect(page, "wait-event-1", "message-email-1", "timeout");

  await dropFromPalette(page, "exit", { x: 260, y: 480 });
  await keepApart(page, "message-email-1", "exit-1");
  await connect(page, "wait-event-1", "exit-1", "received");
  await connect(page, "message-email-1", "exit-1");
  await expect(page.getByTestId("problems")).toBeHidden();
  await expectSaved(page);

  // The preview, rendered by the API for the chosen customer and their checkout event.
  await node(page, "message-email-1").click();
  await page.getByTestId("preview-message").click();
  const dialog = page.getByRole("dialog", { name: "Message preview" });
  await dialog.getByLabel("Preview as").selectOption({ label: email });
  await expect(dialog.getByTestId("preview-subject")).toHaveText("Grace, your cart is waiting");
  await expect(dialog.getByTestId("preview-preheader")).toHaveText("42 EUR saved for you");
  const body = dialog.frameLocator('[data-testid="preview-frame"]');
  await expect(body.locator("p").first()).toHaveText("You left items worth 42 EUR in your cart.");
  await expect(body.getByRole("link", { name: "Finish your order" })).toBeVisible();
  await screenshot(page, "message-preview-desktop");
  // The dialog with its frame open; the sandboxed frame itself runs no scripts, so axe leaves it out.
  await expectAccessible(page, { exclude: ['[data-testid="preview-frame"]'] });

  // Another cart: the marketer edits the sample event and sees it at phone width.
  await dialog.getByLabel(/Sample event/).fill('{"value": 99.5, "currency": "GBP"}');
  await dialog.getByRole("button", { name: "Mobile" }).click();
  await expect(body.locator("p").first()).toHaveText("You left items worth 99.5 GBP in your cart.");
  await expect(dialog.getByTestId("preview-frame")).toHaveAttribute("style", /width: 375px/);
  await screenshot(page, "message-preview-mobile");
  await page.keyboard.press("Escape");

  // The visual editor opens the simple body and keeps its Liquid.
  await page.getByRole("button", { name: "Visual" }).click();
  const visual = page.locator(".rich-text__content");
  await expect(visual).toContainText("{{ event.properties.value }}");
  await expectAccessible(page);
  await screenshot(page, "message-editor-visual");
});

test("an SMS preview counts its parts and says when Unicode shortens them", async ({
  signedIn: page,
}) => {
  await newBlankJourney(page);
  await dropFromPalette(page, "message.sms", { x: 260, y: 120 });
  await node(page, "message-sms-1").click();
  await page.getByLabel("Text", { exact: true }).fill("Your cart is waiting 🛒 " + "x".repeat(60));
  await page.getByTestId("preview-message").click();
  const dialog = page.getByRole("dialog", { name: "Message preview" });
  await expect(dialog.getByTestId("sms-parts")).toContainText("Unicode");
  await expect(dialog.getByTestId("sms-parts")).toContainText("2 parts");
  await expectAccessible(page);
  await screenshot(page, "message-preview-sms");
});
