import { expect, expectAccessible, node, screenshot, test } from "./fixtures.js";

test("the preview shows each step of a cascade, and a webhook step's request with its secrets masked", async ({
  signedIn: page,
  api,
}) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const userId = `zz-cw-${run}`;
  await api.ingest("identify", {
    userId,
    traits: { email: `${userId}@example.com`, firstName: "Mo", plan: "gold" },
  });
  const id = await api.createJourney({
    name: `Cascade preview ${run}`,
    nodes: [
      { id: "t", type: "trigger.manual", position: { x: 0, y: 0 }, config: {} },
      {
        id: "c",
        type: "message.cascade",
        position: { x: 0, y: 160 },
        config: {
          steps: [
            {
              channel: "sms",
              content: { text: "Hi {{ profile.firstName }}, your order shipped" },
              window: { amount: 1, unit: "day" },
            },
            {
              channel: "email",
              content: {
                subject: "{{ profile.firstName }}, your order is on its way",
                body: "<p>Track it</p>",
              },
              window: { amount: 1, unit: "day" },
            },
          ],
        },
      },
      {
        id: "w",
        type: "message.webhook",
        position: { x: 0, y: 420 },
        config: {
          url: "https://bot:s3cr3t@hooks.example.com/orders?api_key=k123&plan={{ profile.plan }}",
          method: "POST",
          body: '{"customer":"{{ profile.firstName }}"}',
        },
      },
      { id: "x", type: "exit", position: { x: 0, y: 560 }, config: {} },
    ],
    edges: [
      { id: "e1", source: "t", target: "c" },
      { id: "e2", source: "c", sourceHandle: "responded", target: "w" },
      { id: "e3", source: "c", sourceHandle: "exhausted", target: "x" },
      { id: "e4", source: "w", sourceHandle: "next", target: "x" },
      { id: "e5", source: "w", sourceHandle: "failed", target: "x" },
    ],
    settings: { reentry: "never" },
  });
  await page.goto(`/journeys/${id}`);
  await node(page, "c").click();
  await page.getByTestId("preview-message").click();
  const dialog = page.getByRole("dialog", { name: "Cascade preview" });
  await dialog.getByLabel("Preview as").selectOption({ label: `${userId}@example.com` });
  await expect(dialog.getByTestId("message-preview-step-1")).toContainText("Step 1: SMS");
  await expect(dialog.getByTestId("message-preview-step-1")).toContainText(
    "Hi Mo, your order shipped",
  );
  await expect(
    dialog.getByTestId("message-preview-step-2").getByTestId("preview-subject"),
  ).toHaveText("Mo, your order is on its way");
  await expectAccessible(page, { exclude: ['[data-testid="preview-frame"]'] });
  await screenshot(page, "cascade-preview");
  await page.keyboard.press("Escape");

  await node(page, "w").click();
  await page.getByTestId("preview-message").click();
  const request = page
    .getByRole("dialog", { name: "Message preview" })
    .getByTestId("webhook-preview");
  await expect(request).toContainText(
    "POST https://••••••••@hooks.example.com/orders?api_key=••••••••&plan=gold",
  );
  await expect(request).toContainText('{"customer":"Mo"}');
  await expect(request).toContainText("x-omnijourney-signature");
  await expect(request).not.toContainText("s3cr3t");
  await expect(request).not.toContainText("k123");
  await expectAccessible(page);
  await screenshot(page, "webhook-preview");
});
