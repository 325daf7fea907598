import { edgeBetween, expect, expectSaved, node, test } from "./fixtures.js";

const twoExits = () => ({
  name: "Reconnect (e2e)",
  nodes: [
    {
      id: "t",
      type: "trigger.event",
      position: { x: 0, y: 0 },
      config: { event: "reconnect_test" },
    },
    { id: "a", type: "exit", position: { x: -220, y: 260 }, config: {} },
    { id: "b", type: "exit", position: { x: 220, y: 260 }, config: {} },
  ],
  edges: [{ id: "e1", source: "t", target: "a" }],
});

test("a selected connection's end is dragged to another step, and the minimap shows every step", async ({
  signedIn: page,
  api,
}) => {
  const id = await api.createJourney(twoExits());
  await page.goto(`/journeys/${id}`);
  const edge = edgeBetween(page, "t", "a");
  await expect(edge).toHaveCount(1);
  // Sizes reach the minimap once the browser is idle after opening (useIdleSizeReports).
  await expect(page.locator(".react-flow__minimap-node")).toHaveCount(3);
  // Grips to drag a connection's ends are drawn for the selected connection only.
  await expect(page.locator(".react-flow__edgeupdater")).toHaveCount(0);
  // The middle of a step-shaped connection's box is on its horizontal run.
  await edge.click();
  await expect(page.locator(".react-flow__edgeupdater")).toHaveCount(2);

  const grip = await page.locator(".react-flow__edgeupdater-target").boundingBox();
  const input = await node(page, "b").locator(".react-flow__handle.target").boundingBox();
  if (!grip || !input) throw new Error("canvas not laid out");
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(input.x + input.width / 2 - 60, input.y - 40, { steps: 6 });
  await page.mouse.move(input.x + input.width / 2, input.y + input.height / 2, { steps: 6 });
  await page.mouse.up();

  await expect(edgeBetween(page, "t", "b")).toHaveCount(1);
  await expect(edgeBetween(page, "t", "a")).toHaveCount(0);
  await expectSaved(page);
  const journey = await api.call("GET", `/api/journeys/${id}`);
  // why: GET /api/journeys/:id answers the draft as `document`
  const draft = journey.document as { edges: { id: string; source: string; target: string }[] };
  expect(draft.edges).toEqual([expect.objectContaining({ source: "t", target: "b" })]);
});

test("a published version opens read-only: no palette, steps stay put and connections cannot be moved", async ({
  signedIn: page,
  api,
}) => {
  const id = await api.createJourney({
    name: "Read-only version (e2e)",
    nodes: [
      { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "ro_test" } },
      { id: "a", type: "exit", position: { x: -220, y: 260 }, config: {} },
    ],
    edges: [{ id: "e1", source: "t", target: "a" }],
  });
  await api.call("POST", `/api/journeys/${id}/publish`);
  await page.goto(`/journeys/${id}?version=1`);
  await expect(page.getByRole("status").filter({ hasText: "read-only" })).toContainText(
    "You are viewing version 1, read-only.",
  );
  await expect(page.getByTestId("palette-message.email")).toHaveCount(0);

  await edgeBetween(page, "t", "a").click();
  await expect(page.locator(".react-flow__edgeupdater")).toHaveCount(0);

  // Dragging a step that cannot move pans the view instead: the steps keep their places relative to each other.
  const offset = async () => {
    const [t, a] = await Promise.all([
      node(page, "t").boundingBox(),
      node(page, "a").boundingBox(),
    ]);
    if (!t || !a) throw new Error("canvas not laid out");
    return { t, dx: Math.round(t.x - a.x), dy: Math.round(t.y - a.y) };
  };
  const before = await offset();
  await page.mouse.move(before.t.x + before.t.width / 2, before.t.y + 20);
  await page.mouse.down();
  await page.mouse.move(before.t.x + before.t.width / 2 + 120, before.t.y + 80, { steps: 6 });
  await page.mouse.up();
  const after = await offset();
  expect({ dx: after.dx, dy: after.dy }).toEqual({ dx: before.dx, dy: before.dy });
});
