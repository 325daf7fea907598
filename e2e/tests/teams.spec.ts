import type { Browser, Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures.js";

const journey = (name: string) => ({
  name,
  nodes: [
    {
      id: "t",
      type: "trigger.event",
      position: { x: 0, y: 0 },
      config: { event: "Team Signed Up" },
    },
    {
      id: "m1",
      type: "message.email",
      position: { x: 0, y: 140 },
      config: { subject: "Welcome {{ profile.firstName }}", body: "<p>Hello</p>" },
    },
    { id: "x", type: "exit", position: { x: 0, y: 280 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "m1" },
    { id: "e2", source: "m1", target: "x" },
  ],
  settings: { reentry: "never" },
});

/** The admin invites someone on the team page; the one-time link is shown once. */
async function invite(
  page: Page,
  who: { email: string; name: string; role: string },
): Promise<string> {
  const form = page.getByRole("region", { name: "Invite someone" });
  await form.getByLabel("Email").fill(who.email);
  await form.getByLabel("Name").fill(who.name);
  await form.getByLabel("Role").selectOption(who.role);
  await form.getByRole("button", { name: "Send invitation" }).click();
  const link = page.getByLabel(`Invitation link for ${who.name}`);
  await expect(link).toBeVisible();
  const url = new URL(await link.inputValue());
  return `${url.pathname}${url.search}`;
}

/** The invited person opens the link in their own browser and chooses a password. */
async function join(browser: Browser, link: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Join your team on Omnijourney" })).toBeVisible();
  await page.getByLabel("New password").fill("a long team password");
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("heading", { name: "Journeys", exact: true })).toBeVisible();
  return page;
}

test("an admin invites an editor and a publisher; the editor drafts and asks, the publisher approves, the audit log shows each step", async ({
  signedIn: admin,
  browser,
}) => {
  await admin.goto("/team");
  await expect(admin.getByRole("heading", { name: "Team", exact: true })).toBeVisible();
  const editorLink = await invite(admin, {
    email: "eddie@example.com",
    name: "Eddie Editor",
    role: "editor",
  });
  const publisherLink = await invite(admin, {
    email: "pia@example.com",
    name: "Pia Publisher",
    role: "publisher",
  });
  await expect(admin.getByTestId("member-pia@example.com")).toContainText("Invited");
  await screenshot(admin, "team");

  const editor = await join(browser, editorLink);
  await screenshot(editor, "journeys-as-editor");
  // The editor drafts a journey (as the studio would: the session cookie and its CSRF token).
  const id = await editor.evaluate(async (doc) => {
    const me = (await (await fetch("/api/me")).json()) as { csrfToken: string };
    const res = await fetch("/api/journeys", {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
      body: JSON.stringify(doc),
    });
    return ((await res.json()) as { id: string }).id;
  }, journey("Team welcome"));
  await editor.goto(`/journeys/${id}`);
  const publish = editor.getByTestId("publish");
  await expect(publish).toBeDisabled();
  await expect(publish).toHaveAttribute(
    "title",
    /^Only a publisher or above can do this; you are an editor\. Ask a publisher/,
  );
  // The journeys list says the same of archiving, and lets the editor draft.
  await editor.goto("/");
  await expect(editor.getByRole("button", { name: "Archive Team welcome" })).toBeDisabled();
  await expect(editor.getByRole("button", { name: "Archive Team welcome" })).toHaveAttribute(
    "title",
    "Only a publisher or above can do this; you are an editor.",
  );
  await expect(editor.getByTestId("new-journey")).toBeEnabled();
  await editor.goto(`/journeys/${id}`);

  // The admin turns approvals on.
  await admin.getByLabel("Editors ask a publisher to approve before a journey goes live").check();
  await expect(
    admin.getByLabel("Editors ask a publisher to approve before a journey goes live"),
  ).toBeChecked();

  await editor.reload();
  await expect(editor.getByTestId("publish")).toHaveText(/Request approval/);
  await editor.getByTestId("publish").click();
  await editor.getByLabel("Note for the publisher").fill("Ready for Monday's webinar");
  await screenshot(editor, "request-approval");
  await editor.getByRole("button", { name: "Send for approval" }).click();
  await expect(editor.getByText("Sent to the publishers for approval")).toBeVisible();

  const publisher = await join(browser, publisherLink);
  await publisher.goto("/approvals");
  const request = publisher.getByTestId(`approval-${id}`);
  await expect(request).toContainText("Eddie Editor");
  await expect(request).toContainText("Ready for Monday's webinar");
  await expect(request.getByTestId("publish-summary")).toContainText("Added");
  await screenshot(publisher, "approvals");
  await request.getByLabel("Note for the editor").fill("Looks good");
  await request.getByRole("button", { name: "Approve and publish" }).click();
  await expect(publisher.getByText("Nothing is waiting for approval.")).toBeVisible();

  await admin.goto("/audit");
  const table = admin.getByTestId("audit-table");
  await expect(table).toContainText("Published");
  const rows = table.locator("tbody tr");
  await expect(rows.filter({ hasText: "Approved publication" })).toContainText("Pia Publisher");
  await expect(rows.filter({ hasText: "Asked for approval" })).toContainText("Eddie Editor");
  await expect(rows.filter({ hasText: "Asked for approval" })).toContainText(
    "Ready for Monday's webinar",
  );
  await expect(rows.filter({ hasText: "Published" }).first()).toContainText("Pia Publisher");
  await expect(rows.filter({ hasText: "Invited" })).toHaveCount(2);
  await expect(rows.filter({ hasText: "Joined the team" })).toHaveCount(2);
  // Each step has its time.
  await expect(rows.first().locator("td").first()).toHaveText(/\d/);
  await screenshot(admin, "audit-log");

  await editor.goto(`/journeys/${id}`);
  await expect(editor.getByText("v1 live")).toBeVisible();
  // The journey's own page shows its history.
  const history = editor.getByTestId("journey-history");
  await expect(history).toContainText("Published by Pia Publisher");
  await expect(history).toContainText("Asked for approval by Eddie Editor");
  await screenshot(editor, "journey-history");
});
