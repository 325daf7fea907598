import { expect, node, screenshot, test } from "./fixtures.js";

/** The headlines the verdict may read (shared/src/stats/verdict.ts), with the seeded variants' names. */
const VERDICT =
  /^(Too early to tell|No detectable difference yet between|(Friendly|Offer) beats (Friendly|Offer)|Customers are not splitting as configured)/;

test("a growth analyst opens the seeded A/B test's results and reads the verdict", async ({
  signedIn: page,
  api,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const welcome = (await api.journeys()).find((j) => j.name === "Welcome series");
  expect(welcome, "the demo seed creates the Welcome series").toBeDefined();
  const id = welcome?.id ?? "";
  // The same figures the panel shows, from the API, to compare with the screen.
  const results = await api.call("GET", `/api/journeys/${id}/experiments/ab`);
  const verdict = results.verdict as { headline: string }; // why: ExperimentResponse's verdict

  await page.goto(`/journeys/${id}`);
  await node(page, "ab").click();
  const panel = page.getByTestId("experiment-results");
  await expect(panel).toBeVisible();
  const shown = panel.getByTestId("experiment-verdict");
  await expect(shown).toContainText(verdict.headline);
  await expect(shown.locator(".experiment__headline")).toHaveText(VERDICT);

  // Variant names, not ids; the control first; the 10 % holdout is a row of its own.
  const arms = panel.getByRole("list", { name: "Variants" }).getByRole("listitem");
  await expect(arms.first()).toContainText("Friendly");
  await expect(arms.first()).toContainText("Baseline");
  await expect(arms.nth(1)).toContainText("Offer");
  await expect(arms.nth(1)).toContainText(/chance to beat Friendly/);
  await expect(panel.getByTestId("experiment-arm-holdout")).toContainText("Holdout");
  await expect(panel.getByTestId("experiment-progress")).toBeVisible();
  await screenshot(page, "experiment-results");
});
