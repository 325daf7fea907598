import {
  connect,
  dropFromPalette,
  keepApart,
  expect,
  expectSaved,
  mailApiUrl,
  newBlankJourney,
  node,
  screenshot,
  test,
} from "./fixtures.js";

const TIMEOUT_SECONDS = 3;

test("a marketer builds the webinar journey by drag and drop, publishes it, and watches a customer go through", async ({
  signedIn: page,
  api,
  request,
}) => {
  test.setTimeout(240_000);
  const journeyId = await newBlankJourney(page);
  await page.getByLabel("Journey name").fill("Webinar reminder (e2e)");

  // Trigger on webinar_registered.
  await dropFromPalette(page, "trigger.event", { x: 260, y: 50 });
  await node(page, "trigger-event-1").click();
  await page.getByLabel("Event", { exact: true }).fill("webinar_registered");

  // Email.
  await dropFromPalette(page, "message.email", { x: 260, y: 170 });
  await keepApart(page, "trigger-event-1", "message-email-1");
  await node(page, "message-email-1").click();
  await page.getByLabel("Subject").fill("See you at the webinar, {{ profile.firstName }}");
  await page.getByLabel("Body").fill("Join here: {{ event.properties.url }}");
  await connect(page, "trigger-event-1", "message-email-1");

  // Wait for email_opened, up to a few seconds.
  await dropFromPalette(page, "wait.event", { x: 260, y: 290 });
  await keepApart(page, "message-email-1", "wait-event-1");
  await node(page, "wait-event-1").click();
  await page.getByLabel("Event", { exact: true }).fill("email_opened");
  await page.getByLabel("Amount").fill(String(TIMEOUT_SECONDS));
  await page.getByLabel("Unit").selectOption("second");
  await connect(page, "message-email-1", "wait-event-1");

  // On timeout: Telegram.
  await dropFromPalette(page, "message.telegram", { x: 470, y: 420 });
  await keepApart(page, "wait-event-1", "message-telegram-1");
  await node(page, "message-telegram-1").click();
  await page
    .getByLabel("Text", { exact: true })
    .fill("Your webinar link: {{ event.properties.url }}");
  await connect(page, "wait-event-1", "message-telegram-1", "timeout");

  // Exit.
  await dropFromPalette(page, "exit", { x: 260, y: 540 });
  await keepApart(page, "message-telegram-1", "exit-1");
  await connect(page, "wait-event-1", "exit-1", "received");
  await connect(page, "message-telegram-1", "exit-1");
  await expect(page.locator(".react-flow__edge")).toHaveCount(5);

  await expect(page.getByTestId("problems")).toBeHidden();
  await expectSaved(page);
  await screenshot(page, "editor-webinar-draft");

  await page.getByTestId("publish").click();
  const dialog = page.getByTestId("publish-dialog");
  await expect(dialog.getByTestId("publish-summary")).toContainText("Email");
  await dialog.getByTestId("confirm-publish").click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(".toolbar .badge")).toHaveText("Live");

  // A customer registers for the webinar, through the Segment-compatible API.
  const userId = `ada-${Date.now()}`;
  const email = `${userId}@example.com`;
  await api.ingest("identify", {
    userId,
    traits: { email, firstName: "Ada", telegramChatId: "424242" },
  });
  await api.ingest("track", {
    userId,
    event: "webinar_registered",
    properties: { url: "https://example.com/w/42" },
  });

  // The counts move on the canvas without a reload.
  await expect(page.getByTestId("counts-trigger-event-1")).toContainText(/1\s*in/, {
    timeout: 60_000,
  });
  await expect(page.getByTestId("counts-message-email-1")).toContainText(/1\s*in/, {
    timeout: 60_000,
  });

  // The email arrives in the SMTP sink, rendered.
  await expect
    .poll(
      async () => {
        const response = await request.get(`${mailApiUrl()}/email`);
        const mails = (await response.json()) as { subject: string; to: { address: string }[] }[]; // why: MailDev's REST shape
        return mails.find((m) => m.to.some((t) => t.address === email))?.subject ?? null;
      },
      { timeout: 60_000 },
    )
    .toBe("See you at the webinar, Ada");

  // Nobody opened it: after the timeout the Telegram step runs.
  await expect(page.getByTestId("counts-message-telegram-1")).toContainText(/1\s*in/, {
    timeout: 60_000,
  });
  await screenshot(page, "editor-webinar-live");

  const journey = await api.call("GET", `/api/journeys/${journeyId}`);
  expect(journey.status).toBe("live");
});
