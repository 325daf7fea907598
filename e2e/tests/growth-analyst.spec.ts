import { expect, node, screenshot, test } from "./fixtures.js";

type Json = Record<string, unknown>;

test("a growth analyst reads an A/B test's verdict, declares a winner and sees the new version and the decision", async ({
  signedIn: page,
  api,
}) => {
  // A copy of the seeded welcome test, so declaring its winner leaves the demo's own test running.
  const welcome = (await api.journeys()).find((j) => j.name === "Welcome series");
  expect(welcome, "the demo seed creates the Welcome series").toBeDefined();
  const source = await api.call("GET", `/api/journeys/${welcome?.id ?? ""}`);
  const document = { ...(source.document as Json), name: `Welcome test copy ${Date.now()}` };
  const id = await api.createJourney(document);
  await api.call("POST", `/api/journeys/${id}/publish`);

  await page.goto(`/journeys/${id}`);
  await node(page, "ab").click();
  const panel = page.getByTestId("experiment-results");
  await expect(panel.getByTestId("experiment-verdict")).toContainText(
    /Too early to tell|No detectable difference/,
  );

  await page.getByLabel("Winner").selectOption({ label: "Offer" });
  await page.getByRole("button", { name: "Declare winner…" }).click();
  await page.getByRole("button", { name: "Yes, declare Offer the winner" }).click();
  const decision = page.getByTestId("experiment-decision");
  await expect(decision).toContainText("Offer was declared the winner by");
  await expect(decision).toContainText("Version 2 sends everyone to it");
  await screenshot(page, "growth-analyst-declared");

  // The new version and the audit entry, as the API records them.
  const versions = await api.call("GET", `/api/journeys/${id}/versions`);
  expect(JSON.stringify(versions)).toContain('"version":2');
  const after = await api.call("GET", `/api/journeys/${id}`);
  const decisions = after.experimentDecisions as { arm: string; version: number }[]; // why: Journey's decisions
  expect(decisions.map((d) => [d.arm, d.version])).toEqual([["B", 2]]);
});

test("journey results and workspace analytics open with the seeded history", async ({
  signedIn: page,
  api,
}) => {
  const cart = (await api.journeys()).find((j) => j.name === "Abandoned cart cascade");
  await page.goto(`/journeys/${cart?.id ?? ""}/analytics`);
  await page.getByRole("button", { name: "Last 60 days" }).click();
  const results = page.getByTestId("journey-analytics");
  await expect(results).toBeVisible({ timeout: 30_000 });
  await expect(results.getByTestId("funnel")).toContainText("Checkout started");
  await expect(results.getByTestId("message-funnels")).toContainText("Cart reminder");
  await expect(results.getByTestId("cascade-savings")).toContainText("saved");
  await expect(results.getByTestId("trend").locator("svg.trend-chart")).toBeVisible({
    timeout: 30_000,
  });
  await screenshot(page, "journey-results");

  await page.goto("/analytics");
  const analytics = page.getByTestId("analytics");
  await expect(analytics).toBeVisible({ timeout: 30_000 });
  await expect(analytics).toContainText("Conversions");
  await expect(analytics.getByTestId("trend").locator("svg.trend-chart")).toBeVisible({
    timeout: 30_000,
  });
  await screenshot(page, "analytics-with-history");
});

// Not run yet: the attribution report reads raw events and messages per request (docs/analytics.md) and, on the
// shared machine (load average above 30), did not answer within 60–90 s in Chromium, while the API test
// (api/test/seed-history.test.ts) gets it in 31–49 s. Un-fixme once attribution is pre-aggregated.
test.fixme("the attribution report credits orders to channels, and explains a goal nobody reached", async ({
  signedIn: page,
}) => {
  await page.goto("/analytics");
  const attribution = page.getByTestId("attribution");
  await attribution.getByLabel("Goal event").fill("Order Completed");
  await expect(attribution.locator("table")).toContainText("Email", { timeout: 90_000 });
  await screenshot(page, "analytics-attribution");
  await attribution.getByLabel("Goal event").fill("Nobody Ever Did This");
  await expect(attribution.getByTestId("attribution-empty")).toContainText("nothing to credit yet");
});

test("analytics and journey results explain an empty period", async ({ signedIn: page, api }) => {
  const id = await api.createJourney({
    name: `Empty results ${Date.now()}`,
    nodes: [
      { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "Never Sent" } },
      { id: "x", type: "exit", position: { x: 0, y: 120 }, config: {} },
    ],
    edges: [{ id: "e", source: "t", target: "x" }],
  });
  await page.goto(`/journeys/${id}/analytics`);
  await expect(page.getByTestId("journey-analytics-empty")).toContainText(
    "Nobody went through this journey",
  );

  await page.goto("/analytics");
  await page.getByLabel("From").fill("2001-01-01");
  await page.getByLabel("To").fill("2001-01-31");
  await expect(page.getByTestId("analytics-empty")).toContainText(
    "Nothing happened in this period",
  );

  await screenshot(page, "analytics-empty");
});
