import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.js";

/**
 * Records every CSP violation of the page across navigations: the `securitypolicyviolation` events (reported from
 * the page's first script on) and the browser's console errors about the policy.
 */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
      violations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener(
      "securitypolicyviolation",
      (event) => {
        const report: unknown = Reflect.get(window, "reportCspViolation");
        if (typeof report === "function")
          report(
            `${event.violatedDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber}`,
          );
      },
      true,
    );
  });
  return violations;
}

const heading = (page: Page, name: string) =>
  expect(page.getByRole("heading", { name, exact: true })).toBeVisible({ timeout: 60_000 });

test("every main screen of the studio runs under the Content-Security-Policy with no violation", async ({
  signedIn: page,
  api,
}) => {
  const violations = await watchViolations(page);
  const response = await page.goto("/");
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
  await heading(page, "Journeys");

  const journeys = await api.journeys();
  const journey = journeys.find((j) => j.name === "Welcome series") ?? journeys[0];
  expect(journey, "the demo workspace has journeys").toBeTruthy();
  await page.goto(`/journeys/${journey!.id}`);
  await expect(page.locator(".react-flow__node").first()).toBeVisible({ timeout: 60_000 });
  await page.locator(".react-flow__node").first().click();
  await expect(page.getByTestId("node-panel")).toBeVisible();
  // A test run renders each email's own HTML in a sandboxed `srcdoc` preview, which inherits the studio's policy.
  await page.getByTestId("open-test").click();
  const panel = page.getByTestId("test-panel");
  await panel.getByRole("tab", { name: "Describe one" }).click();
  await panel
    .getByLabel("Profile attributes (JSON)")
    .fill(JSON.stringify({ email: "grace@example.com", firstName: "Grace" }));
  await panel.getByTestId("run-test").click();
  await expect(panel.locator("iframe.sim-message__frame").first()).toBeVisible({ timeout: 60_000 });

  await page.goto("/profiles");
  await heading(page, "Profiles");
  const profiles = await api.call("GET", "/api/profiles");
  const first = (profiles.items as { profileId?: string; id?: string }[] | undefined)?.[0]; // why: GET /api/profiles answers { items }
  const profileId = first?.profileId ?? first?.id;
  expect(profileId, "the demo workspace has profiles").toBeTruthy();
  await page.goto(`/profiles/${encodeURIComponent(profileId ?? "")}`);
  await heading(page, "Timeline");

  await page.goto("/segments");
  await heading(page, "Segments");

  await page.goto("/messages");
  await heading(page, "Messages");
  await page.getByTestId("messages-table").getByRole("button").first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");

  await page.goto("/analytics");
  await heading(page, "Analytics");
  await page.goto("/settings");
  await expect(page.getByRole("button", { name: "Save settings" })).toBeEnabled({
    timeout: 60_000,
  });
  await expect(page.locator(".skeleton")).toHaveCount(0, { timeout: 90_000 });

  expect(violations).toEqual([]);
});

test("the API's docs page renders under the same policy", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("section.op").first()).toBeVisible();
  const background = await page
    .locator("span.m.get")
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background, "the docs page's own stylesheet applies").toBe("rgb(31, 111, 235)");
  expect(violations).toEqual([]);
});
