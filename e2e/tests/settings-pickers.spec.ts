import { expect, expectAccessible, screenshot, test } from "./fixtures.js";

test("settings offer pickers for units, the cap's action, time zones, currency and quiet hours, and explain an empty Providers card", async ({
  signedIn: page,
}) => {
  await page.goto("/settings");
  await expect(page.getByRole("button", { name: "Save settings" })).toBeEnabled({
    timeout: 60_000,
  });
  const combo = (name: string) => page.getByRole("combobox", { name, exact: true });
  await expect(combo("Default timezone")).toBeVisible();
  await expect(combo("Default timezone").locator('option[value="Europe/Berlin"]')).toHaveCount(1);
  await expect(combo("Currency").locator('option[value="EUR"]')).toHaveCount(1);
  await expect(combo("Unit")).toHaveValue("day");
  await expect(combo("Action").locator("option:checked")).toHaveText(/Skip the message|Send it/);
  await expect(page.getByLabel("Start", { exact: true })).toHaveAttribute("type", "time");
  await expect(page.getByLabel("End", { exact: true })).toHaveAttribute("type", "time");
  // Channels and keys spelled as people write them.
  await expect(page.getByText("SMS", { exact: true })).toBeVisible();
  await expect(page.getByText("In-app", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  await expect(page.getByText(/^(Sms|Inapp|Api keys)$/)).toHaveCount(0);
  // The demo has no provider configured: the card says what that means instead of standing empty.
  await expect(page.getByTestId("settings-providers-empty")).toContainText("sandbox");

  await combo("Default timezone").selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
  await page.reload();
  await expect(combo("Default timezone")).toHaveValue("Europe/Berlin", { timeout: 60_000 });
  await expectAccessible(page);
  await screenshot(page, "settings-pickers");
  // Leave the workspace as the other specs expect it.
  await combo("Default timezone").selectOption("UTC");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
});
