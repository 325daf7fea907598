import { expect, mailApiUrl, screenshot, test, type Api } from "./fixtures.js";

/**
 * The demo workspace's (seeded on first start) three-step cascade: email, push, SMS, escalating without a
 * response. Found by name, since other specs create cascade journeys of their own.
 */
async function demoCascade(api: Api): Promise<string> {
  const journey = (await api.journeys()).find((j) => j.name === "Abandoned cart cascade");
  const full = journey ? await api.call("GET", `/api/journeys/${journey.id}`) : {};
  const doc = full.document as { nodes?: { type: string }[] } | undefined; // why: GET /api/journeys/:id carries the document
  expect(
    doc?.nodes?.some((n) => n.type === "message.cascade"),
    "the demo workspace has a cascade journey",
  ).toBe(true);
  return journey?.id ?? "";
}

test("“Test this journey” on the demo cascade shows the path and three rendered messages with their times", async ({
  signedIn: page,
  api,
}) => {
  const cascadeId = await demoCascade(api);
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

test("“Send these to me” delivers the simulated email to the marketer's inbox and lists the result", async ({
  signedIn: page,
  api,
  request,
}) => {
  await page.goto(`/journeys/${await demoCascade(api)}`);
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await page.getByTestId("open-test").click();
  const panel = page.getByTestId("test-panel");
  await panel.getByRole("tab", { name: "Describe one" }).click();
  await panel
    .getByLabel("Profile attributes (JSON)")
    .fill(JSON.stringify({ email: "grace@example.com", firstName: "Grace", phone: "+15550100" }));
  await panel.getByTestId("run-test").click();
  await expect(panel.getByTestId("sim-message")).toHaveCount(3, { timeout: 60_000 });

  const me = `marketer-${Date.now()}@example.com`;
  const send = panel.getByTestId("send-tests");
  await send.getByLabel("Your email").fill(me);
  await send.getByTestId("send-tests-button").click();
  // The simulated push and SMS were suppressed (no push subscription; SMS needs opt-in), so only the
  // email was rendered: it goes out through the workspace's SMTP relay.
  const messages = panel.getByTestId("sim-message");
  await expect(messages.filter({ hasText: "push" })).toContainText(
    "Not sent: the profile has no address on this channel",
  );
  await expect(send).toContainText("2 of the simulated messages were not sent in this run");
  const results = send.getByTestId("send-test-result");
  await expect(results).toHaveCount(1, { timeout: 30_000 });
  await expect(results.first()).toContainText(/sent\s*Email → marketer-/);
  await send.scrollIntoViewIfNeeded();
  await screenshot(page, "editor-test-send-to-me");

  // The mail is in the SMTP sink, marked as a test.
  await expect
    .poll(
      async () => {
        const mails = (await (await request.get(`${mailApiUrl()}/email`)).json()) as {
          subject: string;
          to: { address: string }[];
        }[]; // why: MailDev's REST API answers a JSON list of mails
        return mails.find((m) => m.to.some((r) => r.address === me))?.subject ?? null;
      },
      { timeout: 20_000 },
    )
    .toBe("[Test] Grace, your cart is waiting");

  // The address is remembered for the next test.
  await page.reload();
  await page.getByTestId("open-test").click();
  await panel.getByRole("tab", { name: "Describe one" }).click();
  await panel.getByTestId("run-test").click();
  await expect(panel.getByTestId("send-tests").getByLabel("Your email")).toHaveValue(me, {
    timeout: 60_000,
  });
});

test("a test renders the trigger event's name and properties, starts at the chosen time in the profile's zone, and gives the same schedule twice", async ({
  signedIn: page,
  api,
}) => {
  const id = await api.createJourney({
    name: `Cart test ${Date.now()}`,
    nodes: [
      {
        id: "t",
        type: "trigger.event",
        position: { x: 0, y: 0 },
        config: { event: "cart_abandoned" },
      },
      {
        id: "m",
        type: "message.email",
        position: { x: 0, y: 160 },
        config: {
          subject: "About your {{ event.name }}",
          body: "You left these in your cart: {% for i in event.properties.items %}{{ i.name }} {% endfor %}({{ event.properties.currency }})",
          category: "transactional",
        },
      },
      { id: "x", type: "exit", position: { x: 0, y: 320 }, config: {} },
    ],
    edges: [
      { id: "e1", source: "t", target: "m" },
      { id: "e2", source: "m", target: "x" },
    ],
  });
  await page.goto(`/journeys/${id}`);
  await page.getByTestId("open-test").click();
  const panel = page.getByTestId("test-panel");
  await panel.getByRole("tab", { name: "Describe one" }).click();
  await panel
    .getByLabel("Profile attributes (JSON)")
    .fill(JSON.stringify({ email: "ada@example.com", timezone: "Asia/Tokyo" }));
  await panel
    .getByLabel("Event 1 properties")
    .fill(JSON.stringify({ currency: "EUR", items: [{ name: "Mug" }, { name: "Tee" }] }));
  await panel.getByLabel("Start", { exact: true }).selectOption("at");
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await panel.getByLabel("Start time").fill(`${tomorrow}T09:30`);
  await expect(panel).toContainText("Asia/Tokyo");

  const times: string[][] = [];
  for (let run = 0; run < 2; run++) {
    await panel.getByTestId("run-test").click();
    const message = panel.getByTestId("sim-message");
    await expect(message).toHaveCount(1, { timeout: 60_000 });
    await expect(message).toContainText("About your cart_abandoned");
    await expect(message).toContainText("You left these in your cart: Mug Tee (EUR)");
    await expect(panel.getByTestId("test-started")).toContainText(tomorrow.slice(0, 4));
    await expect(panel.getByTestId("test-started")).toContainText("Asia/Tokyo");
    // With the year and the zone, at the chosen start (09:30 on the profile's clock).
    const time = (await panel.getByTestId("sim-message-time").allTextContents()).join("|");
    expect(time).toMatch(/at entry/);
    expect(time).toMatch(/09:30/);
    expect(time).toMatch(new RegExp(tomorrow.slice(0, 4)));
    expect(time).toMatch(/GMT\+9|JST/);
    times.push([time]);
  }
  expect(times[1]).toEqual(times[0]);
  await screenshot(page, "editor-test-event");
});
