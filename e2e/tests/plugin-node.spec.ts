import {
  connect,
  dropFromPalette,
  expect,
  expectSaved,
  keepApart,
  newBlankJourney,
  node,
  screenshot,
  test,
} from "./fixtures.js";

/** The local Slack the global setup started (the stack loads plugins/example-slack by configuration). */
const slackUrl = () => process.env.OMNIJOURNEY_E2E_SLACK_URL ?? "";

test("a plugin's node is dragged from the palette, configured through its generated form, published and run", async ({
  signedIn: page,
  api,
  request,
}) => {
  test.skip(!slackUrl(), "needs the stack started by the suite's global setup");
  test.setTimeout(180_000);
  await api.call("PUT", "/api/settings", {
    secrets: { SLACK_WEBHOOK_URL: `${slackUrl()}/services/T000/B000/XXXX` },
  });

  await newBlankJourney(page);
  await page.getByLabel("Journey name").fill("Tell sales about new leads (e2e)");
  await dropFromPalette(page, "trigger.event", { x: 260, y: 50 });
  await node(page, "trigger-event-1").click();
  await page.getByLabel("Event", { exact: true }).fill("lead_created");

  // The palette shows the plugin with its own title; its form is generated from its zod schema.
  await expect(page.getByTestId("palette-example.slack")).toContainText("Slack message");
  await dropFromPalette(page, "example.slack", { x: 260, y: 190 });
  await keepApart(page, "trigger-event-1", "example-slack-1");
  await node(page, "example-slack-1").click();
  // Left empty, the secret's name takes the schema's default (SLACK_WEBHOOK_URL).
  await expect(page.getByLabel("Webhook secret")).toBeVisible();
  await page.getByLabel("Message").fill("New lead: {{ profile.id }}");
  await connect(page, "trigger-event-1", "example-slack-1");

  await dropFromPalette(page, "exit", { x: 260, y: 340 });
  await keepApart(page, "example-slack-1", "exit-1");
  await connect(page, "example-slack-1", "exit-1", "next");
  await dropFromPalette(page, "exit", { x: 520, y: 340 });
  await connect(page, "example-slack-1", "exit-2", "failed");
  await expect(page.getByTestId("problems")).toBeHidden();
  await expectSaved(page);
  await screenshot(page, "editor-plugin-node");

  await page.getByTestId("publish").click();
  const dialog = page.getByTestId("publish-dialog");
  await dialog.getByTestId("confirm-publish").click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(".toolbar .badge")).toHaveText("Live");

  const userId = `lead-${Date.now()}`;
  await api.ingest("track", { userId, event: "lead_created" });
  await expect
    .poll(
      async () => {
        const received = (await (await request.get(`${slackUrl()}/received`)).json()) as {
          text: string;
        }[]; // why: the receiver answers the JSON bodies Slack accepted
        return received.map((body) => body.text);
      },
      { timeout: 60_000, message: "Slack received the step's message" },
    )
    .toContain(`New lead: ${userId}`);
});
