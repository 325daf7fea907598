import { expect, node, screenshot, test } from "./fixtures.js";

/** A long journey: a trigger and 59 emails in a column, far taller than the screen at a readable zoom. */
const longJourney = () => {
  const nodes = [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "far_test" } },
    ...Array.from({ length: 59 }, (_, i) => ({
      id: `m${i}`,
      type: "message.email",
      position: { x: 0, y: (i + 1) * 160 },
      config: { subject: `Step ${i}`, body: "<p>Hello</p>" },
    })),
  ];
  const edges = nodes.slice(1).map((n, i) => ({
    id: `e${i}`,
    source: nodes[i]?.id ?? "t",
    target: n.id,
  }));
  return { name: "Sixty steps (e2e)", nodes, edges };
};

test("a journey fitted far out draws its steps as outlines, and zooming in brings their text back", async ({
  signedIn: page,
  api,
}) => {
  const id = await api.createJourney(longJourney());
  await page.goto(`/journeys/${id}`);
  const first = node(page, "m0");
  // Fitted to the screen, 60 steps are far too small to read: blocks in their step's colour.
  await expect(first).toHaveClass(/jnode--far/);
  await expect(first).not.toContainText("Email");
  await expect(first).toHaveAttribute("aria-label", /Email|Step 0/);
  await expect(page.locator(".react-flow__edge")).toHaveCount(59);
  await screenshot(page, "editor-zoomed-out");
  // Zooming in past the threshold shows the cards' text again.
  const zoomIn = page.getByRole("button", { name: "Zoom In" });
  for (let i = 0; i < 10; i++) await zoomIn.click();
  await expect(first).not.toHaveClass(/jnode--far/);
  await expect(first).toContainText("Email");
});
