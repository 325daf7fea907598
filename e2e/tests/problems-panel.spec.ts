import type { Locator, Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures.js";

/** Whether the element at the centre of `locator` is the locator's own element (nothing covers it). */
async function uncovered(page: Page, locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return top !== null && (top === el || el.contains(top));
  });
}

test("the problems list sits under the canvas: it never covers a step, zoom or fit, open or collapsed", async ({
  signedIn: page,
  api,
}) => {
  const id = await api.createJourney({
    name: `Problems layout ${Date.now()}`,
    nodes: [
      { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: {} },
      { id: "w", type: "wait.event", position: { x: 0, y: 160 }, config: {} },
      { id: "b", type: "branch.condition", position: { x: 0, y: 320 }, config: {} },
    ],
    edges: [
      { id: "e1", source: "t", target: "w" },
      { id: "e2", source: "w", sourceHandle: "received", target: "b" },
    ],
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/journeys/${id}`);
  const problems = page.getByTestId("problems");
  await expect(problems).toBeVisible();
  const pane = page.locator(".react-flow");
  const controls = [
    page.getByRole("button", { name: "Zoom In" }),
    page.getByRole("button", { name: "Fit View" }),
  ];

  for (const state of ["open", "collapsed"] as const) {
    if (state === "collapsed") await problems.getByRole("button", { expanded: true }).click();
    await expect(problems.getByRole("button", { expanded: state === "open" })).toBeVisible();
    const list = await problems.boundingBox();
    const canvas = await pane.boundingBox();
    expect(list && canvas, "both are on screen").toBeTruthy();
    // Below the canvas, not over it.
    expect(list!.y).toBeGreaterThanOrEqual(canvas!.y + canvas!.height - 1);
    for (const control of controls) {
      await expect(control).toBeVisible();
      expect(await uncovered(page, control), `${state}: a control is covered`).toBe(true);
    }
    await page.getByRole("button", { name: "Fit View" }).click();
    for (const nodeId of ["t", "w", "b"])
      expect(await uncovered(page, page.getByTestId(`node-${nodeId}`)), nodeId).toBe(true);
    await screenshot(page, `editor-problems-${state}`);
  }
});
