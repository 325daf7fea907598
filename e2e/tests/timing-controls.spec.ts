import { expect, expectAccessible, expectSaved, node, screenshot, test } from "./fixtures.js";

test("a start date, an entry limit and a wait until 10:00 on the customer's clock: set in the studio, published, and shown in a test run", async ({
  signedIn: page,
  api,
}) => {
  const id = await api.createJourney({
    name: `Morning reminder ${Date.now()}`,
    nodes: [
      { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "Signed Up" } },
      {
        id: "w",
        type: "wait.duration",
        position: { x: 0, y: 160 },
        config: { amount: 1, unit: "day" },
      },
      {
        id: "m",
        type: "message.email",
        name: "Morning reminder",
        position: { x: 0, y: 320 },
        config: { subject: "Good morning", body: "Hi", category: "transactional" },
      },
      { id: "x", type: "exit", position: { x: 0, y: 480 }, config: {} },
    ],
    edges: [
      { id: "e1", source: "t", target: "w" },
      { id: "e2", source: "w", target: "m" },
      { id: "e3", source: "m", target: "x" },
    ],
    settings: { goal: { event: "Order Completed", within: { amount: 7, unit: "day" } } },
  });
  await page.goto(`/journeys/${id}`);
  await expect(node(page, "w")).toBeVisible();

  // Journey settings (nothing selected): a start date and at most 50 people an hour.
  const settings = page.getByTestId("journey-panel");
  // A date and time picker on the marketer's clock (the browser's and this runner's zone are the machine's).
  const start = new Date(Date.now() - 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const startLocal =
    `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}` +
    `T${pad(start.getHours())}:${pad(start.getMinutes())}`;
  await settings.getByLabel("Start date").fill(startLocal);
  await settings.getByRole("button", { name: "+ Add entry limits" }).click();
  await settings.getByLabel("Most people per hour").fill("50");
  await expectSaved(page);

  // The wait goes on until 10:00 on the customer's clock.
  await node(page, "w").click();
  const panel = page.getByTestId("node-panel");
  await panel.getByLabel("Then until (customer's local time)").fill("10:00");
  // An unnamed step's card says what it does.
  await expect(node(page, "w")).toContainText("Wait 1 day, then until 10:00 their time");
  await expectSaved(page);
  await expectAccessible(page);
  await screenshot(page, "editor-timing-controls");

  await page.getByTestId("publish").click();
  await page.getByTestId("confirm-publish").click();
  await expect(page.getByTestId("publish-dialog")).toHaveCount(0, { timeout: 30_000 });
  const published = await api.call("GET", `/api/journeys/${id}`);
  expect(published.status).toBe("live");
  const document = published.document as { settings?: Record<string, unknown> }; // why: GET /api/journeys/:id carries the document
  expect(document.settings).toMatchObject({ entryRate: { perHour: 50 } });
  // Stored as the instant, to the minute chosen.
  const startsAt = Date.parse(String(document.settings?.startsAt));
  expect(Math.abs(startsAt - start.getTime())).toBeLessThan(60_000);

  // A test run for a customer in Tokyo, starting tomorrow at 09:30 their time: the reminder goes out
  // at 10:00 Tokyo time the day after.
  await page.getByTestId("open-test").click();
  const test = page.getByTestId("test-panel");
  await test.getByRole("tab", { name: "Describe one" }).click();
  await test
    .getByLabel("Profile attributes (JSON)")
    .fill(JSON.stringify({ email: "kenji@example.com", timezone: "Asia/Tokyo" }));
  await test.getByLabel("Start", { exact: true }).selectOption("at");
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await test.getByLabel("Start time").fill(`${tomorrow}T09:30`);
  await test.getByTestId("run-test").click();
  const result = test.getByTestId("test-result");
  await expect(result).toBeVisible({ timeout: 60_000 });
  const reminder = result.locator(".test-path li", { hasText: "Morning reminder" });
  await expect(reminder.getByTestId("sim-path-time")).toContainText("10:00");
  await expect(reminder.getByTestId("sim-path-time")).toContainText(/GMT\+9|JST/);
  await expect(result.getByTestId("sim-message-time")).toContainText("10:00");
  await expectAccessible(page);
  await screenshot(page, "editor-test-send-at-ten");
});
