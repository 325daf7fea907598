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
  // Left alone, the secret's name shows (and takes) the schema's default.
  await expect(page.getByLabel("Webhook secret")).toHaveValue("SLACK_WEBHOOK_URL");
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

  // A post that cannot be delivered (the guard refuses an address not allow-listed) is retried, then takes
  // the step's failed port, and the step on the canvas counts it.
  await api.call("PUT", "/api/settings", {
    secrets: { SLACK_WEBHOOK_URL: "http://127.0.0.1:9/services/gone" },
  });
  // Secrets are read past the worker's settings cache, so the next post uses the new one at once.
  await api.ingest("track", { userId: `${userId}-refused`, event: "lead_created" });
  await expect(page.getByTestId("counts-example-slack-1")).toContainText("1 failed", {
    timeout: 90_000,
  });
  // The step's side panel counts it too, in a tile of its own.
  await node(page, "example-slack-1").click();
  await expect(page.getByTestId("node-panel").getByTestId("step-count-failed")).toHaveText(
    /^1\s*failed$/,
  );
  await screenshot(page, "editor-plugin-node-failed");
});
