import { expect, screenshot, test } from "./fixtures.js";

test("the profiles list shows the channels each profile can be reached on", async ({
  signedIn: page,
  api,
}) => {
  const id = `channels-${Date.now().toString(36)}`;
  await api.ingest("identify", {
    userId: id,
    traits: {
      email: `${id}@example.com`,
      phone: "+15550142",
      telegramChatId: "9001",
      firstName: "Reach",
    },
  });
  await page.goto("/profiles");
  await page.getByLabel("Search profiles").fill(id);
  const row = page.getByTestId("profiles-table").getByRole("row").filter({ hasText: id });
  await expect(row).toHaveCount(1);
  const channels = row.getByTestId("profile-channels");
  for (const name of ["Email", "SMS", "WhatsApp", "Telegram"])
    await expect(channels.getByRole("img", { name, exact: true })).toBeVisible();
  await expect(channels.getByRole("img", { name: "Push" })).toHaveCount(0);

  // Every demo profile has an email, so no row of the unfiltered list has an empty channels cell.
  await page.getByLabel("Search profiles").fill("");
  const cells = page.getByTestId("profile-channels");
  await expect(cells.first().getByRole("img", { name: /^Email/ })).toBeVisible();
  for (const text of (await cells.allTextContents()).slice(0, 20)) expect(text).not.toBe("—");
  await screenshot(page, "profiles-channels");
});
