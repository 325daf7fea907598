import type { Page } from "@playwright/test";
import { adminToken, expect, expectAccessible, screenshot, test } from "./fixtures.js";

test("the sign-in page refuses a wrong token and lets the admin token in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in to the studio" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "sign-in");
  // Email and password first; the admin token is the other tab (teams).
  await page.getByRole("tab", { name: "Use the admin token" }).click();
  await page.getByLabel("Admin token").fill("not-the-token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("not valid");
  await page.getByLabel("Admin token").fill(adminToken());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Journeys", exact: true })).toBeVisible();
});

const screens: { name: string; path: string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: "journeys",
    path: "/",
    ready: async (p) =>
      void (await expect(p.getByRole("heading", { name: "Journeys", exact: true })).toBeVisible({
        timeout: 60_000,
      })),
  },
  {
    name: "profiles",
    path: "/profiles",
    ready: async (p) =>
      void (await expect(p.getByRole("heading", { name: "Profiles", exact: true })).toBeVisible({
        timeout: 60_000,
      })),
  },
  {
    name: "segments",
    path: "/segments",
    ready: async (p) =>
      void (await expect(p.getByRole("heading", { name: "Segments", exact: true })).toBeVisible({
        timeout: 60_000,
      })),
  },
  {
    name: "segment-builder",
    path: "/segments/new",
    ready: async (p) =>
      void (await expect(p.getByTestId("segment-count")).not.toHaveText("…", { timeout: 60_000 })),
  },
  {
    name: "messages",
    path: "/messages",
    ready: async (p) =>
      void (await expect(p.getByRole("heading", { name: "Messages", exact: true })).toBeVisible({
        timeout: 60_000,
      })),
  },
  {
    name: "analytics",
    path: "/analytics",
    ready: async (p) =>
      void (await expect(p.getByRole("heading", { name: "Analytics", exact: true })).toBeVisible({
        timeout: 60_000,
      })),
  },
  {
    name: "settings",
    path: "/settings",
    ready: async (p) =>
      void (await expect(p.getByRole("button", { name: "Save settings" })).toBeEnabled({
        timeout: 60_000,
      })),
  },
];

for (const screen of screens) {
  test(`the ${screen.name} screen has no serious accessibility violations`, async ({
    signedIn: page,
  }) => {
    await page.goto(screen.path);
    await screen.ready(page);
    await expect(page.locator(".skeleton")).toHaveCount(0, { timeout: 90_000 });
    await expectAccessible(page);
    await screenshot(page, screen.name);
  });
}

test("a profile's page and the journey editor have no serious accessibility violations", async ({
  signedIn: page,
  api,
}) => {
  const profiles = await api.call("GET", "/api/profiles");
  const first = (profiles.items as { profileId?: string; id?: string }[] | undefined)?.[0]; // why: GET /api/profiles answers { items }
  if (first) {
    await page.goto(`/profiles/${encodeURIComponent(first.profileId ?? first.id ?? "")}`);
    await expect(page.getByRole("heading", { name: "Timeline", exact: true })).toBeVisible({
      timeout: 60_000,
    });
    await expectAccessible(page);
    await screenshot(page, "profile");
  }
  const journeys = await api.journeys();
  // The demo's welcome series (README's picture), else any live journey the other tests published.
  const withSteps =
    journeys.find((j) => j.name === "Welcome series") ??
    journeys.find((j) => j.status === "live") ??
    journeys[0];
  expect(withSteps, "the demo workspace has journeys").toBeTruthy();
  await page.goto(`/journeys/${withSteps!.id}`);
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await page.waitForTimeout(500);
  await expectAccessible(page);
  await screenshot(page, "editor");
  await page.locator(".react-flow__node").first().click();
  await expect(page.getByTestId("node-panel")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "editor-node-panel");
});
