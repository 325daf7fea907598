import { expect, expectAccessible, screenshot, test } from "./fixtures.js";

test("a profile reads as a person would: newest first, attributes and event properties as labelled values, dates with year and zone", async ({
  signedIn: page,
  api,
}) => {
  const userId = `readable-${Date.now().toString(36)}`;
  await api.ingest("identify", {
    userId,
    traits: {
      email: `${userId}@example.com`,
      firstName: "Lin",
      address: { city: "Lyon", zip: "69001" },
    },
  });
  // Sent out of order: the older event arrives last.
  await api.ingest("track", {
    userId,
    event: "Order Completed",
    timestamp: "2026-03-02T10:00:00.000Z",
    properties: { currency: "EUR", items: [{ sku: "mug" }] },
  });
  await api.ingest("track", {
    userId,
    event: "Cart Viewed",
    timestamp: "2026-03-01T09:00:00Z",
    properties: { step: 1 },
  });
  await page.goto(`/profiles/${userId}`);
  const timeline = page.getByTestId("timeline");
  await expect(timeline.getByText("Cart Viewed")).toBeVisible({ timeout: 30_000 });
  const titles = await timeline.locator("li b").allTextContents();
  expect(titles.indexOf("Order Completed")).toBeLessThan(titles.indexOf("Cart Viewed"));
  // Labelled values, not JSON.
  await expect(page.locator("body")).not.toContainText('{"');
  await expect(page.getByRole("definition").filter({ hasText: "Lyon" }).first()).toBeVisible();
  await expect(timeline.getByText("EUR")).toBeVisible();
  // Dates say their year and zone.
  await expect(timeline.locator("li").first()).toContainText(/2026.*(UTC|GMT)/);
  await expectAccessible(page);
  await screenshot(page, "profile-readable");
});

test("the messages page shows costs in the workspace currency and filters journeys by name", async ({
  signedIn: page,
}) => {
  await page.goto("/messages");
  await expect(page.getByRole("heading", { name: "Messages", exact: true })).toBeVisible();
  const journey = page.getByRole("combobox", { name: "Journey" });
  await expect(journey.locator("option").first()).toHaveText("All journeys");
  await expect(journey.locator("option", { hasText: "Abandoned cart cascade" })).toHaveCount(1);
  await expect(page.getByPlaceholder("Journey id")).toHaveCount(0);
  const costs = page.locator("td.num");
  if ((await costs.count()) > 0) await expect(costs.first()).toContainText(/\$|—/);
  await screenshot(page, "messages");
});
