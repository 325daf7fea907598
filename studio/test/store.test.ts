import { describe, expect, it } from "vitest";
import { createEditorStore } from "../src/canvas/store/editorStore.js";
import type { JourneyDocument } from "../src/canvas/store/types.js";

const webinar: JourneyDocument = {
  name: "Webinar reminder",
  nodes: [
    {
      id: "t",
      type: "trigger.event",
      position: { x: 0, y: 0 },
      config: { event: "webinar_registered" },
    },
    {
      id: "m1",
      type: "message.email",
      position: { x: 0, y: 120 },
      config: { subject: "Hi", body: "..." },
    },
    {
      id: "w",
      type: "wait.event",
      position: { x: 0, y: 240 },
      config: { event: "email_opened", timeout: { amount: 1, unit: "day" } },
    },
    { id: "x", type: "exit", position: { x: 0, y: 360 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "m1" },
    { id: "e2", source: "m1", target: "w" },
    { id: "e3", source: "w", sourceHandle: "received", target: "x" },
  ],
  settings: { reentry: "never", exitOn: [] },
};

function clockStore() {
  let time = 1_000_000;
  const store = createEditorStore({ now: () => time });
  return { store, tick: (ms: number) => (time += ms) };
}

describe("editor store", () => {
  it("undoes and redoes a user change back to the exact previous document", () => {
    const { store } = clockStore();
    store.getState().load(webinar);
    store.getState().dispatch({
      kind: "updateConfig",
      nodeId: "m1",
      config: { subject: "Changed", body: "..." },
    });
    expect(store.getState().graph.nodes[1]?.config.subject).toBe("Changed");
    store.getState().undo();
    expect(store.getState().graph).toBe(webinar);
    store.getState().redo();
    expect(store.getState().graph.nodes[1]?.config.subject).toBe("Changed");
  });

  it("records a whole drag as one undo step", () => {
    const { store } = clockStore();
    store.getState().load(webinar);
    store.getState().beginGesture();
    for (let i = 1; i <= 10; i++)
      store.getState().dispatch({ kind: "moveNodes", positions: { m1: { x: i * 5, y: 120 } } });
    store.getState().endGesture();
    expect(store.getState().history.past).toHaveLength(1);
    expect(store.getState().graph.nodes[1]?.position).toEqual({ x: 50, y: 120 });
    store.getState().undo();
    expect(store.getState().graph.nodes[1]?.position).toEqual({ x: 0, y: 120 });
  });

  it("does not record selection, measurement or a load as undo steps", () => {
    const { store } = clockStore();
    store.getState().load(webinar);
    store.getState().setSelection(["t", "m1"]);
    store.getState().setMeasured({ t: { width: 200, height: 60 } });
    expect(store.getState().history.past).toHaveLength(0);
  });

  it("merges keystrokes in one field into one step but not edits a second apart", () => {
    const { store, tick } = clockStore();
    store.getState().load(webinar);
    for (const subject of ["H", "He", "Hel"]) {
      store
        .getState()
        .dispatch(
          { kind: "updateConfig", nodeId: "m1", config: { subject } },
          { coalesceKey: "m1.subject" },
        );
      tick(100);
    }
    expect(store.getState().history.past).toHaveLength(1);
    tick(2000);
    store
      .getState()
      .dispatch(
        { kind: "updateConfig", nodeId: "m1", config: { subject: "Hello" } },
        { coalesceKey: "m1.subject" },
      );
    expect(store.getState().history.past).toHaveLength(2);
  });

  it("removes a node together with the edges attached to it", () => {
    const { store } = clockStore();
    store.getState().load(webinar);
    store.getState().setSelection(["w"]);
    store.getState().deleteSelection();
    const { graph, selection } = store.getState();
    expect(graph.nodes.map((n) => n.id)).toEqual(["t", "m1", "x"]);
    expect(graph.edges.map((e) => e.id)).toEqual(["e1"]);
    expect(selection.nodeIds.size).toBe(0);
  });

  it("refuses a second edge from the same output port and self-loops", () => {
    const { store } = clockStore();
    store.getState().load(webinar);
    store.getState().dispatch({
      kind: "addEdge",
      edge: { id: "dup", source: "w", sourceHandle: "received", target: "m1" },
    });
    store.getState().dispatch({ kind: "addEdge", edge: { id: "self", source: "x", target: "x" } });
    expect(store.getState().graph.edges.map((e) => e.id)).toEqual(["e1", "e2", "e3"]);
    store.getState().dispatch({
      kind: "addEdge",
      edge: { id: "e4", source: "w", sourceHandle: "timeout", target: "x" },
    });
    expect(store.getState().graph.edges).toHaveLength(4);
  });

  it("reconnects an edge to another target as one step", () => {
    const { store } = clockStore();
    store.getState().load(webinar);
    store.getState().dispatch({
      kind: "reconnectEdge",
      edgeId: "e3",
      source: "w",
      sourceHandle: "received",
      target: "m1",
    });
    expect(store.getState().graph.edges.find((e) => e.id === "e3")?.target).toBe("m1");
    store.getState().undo();
    expect(store.getState().graph.edges.find((e) => e.id === "e3")?.target).toBe("x");
  });

  it("pastes copied nodes with fresh ids, offset, with their inner edges, and selects them", () => {
    const { store } = clockStore();
    store.getState().load(webinar);
    store.getState().setSelection(["m1", "w"]);
    expect(store.getState().copySelection()).toBe(2);
    const ids = store.getState().paste();
    expect(ids).toEqual(["message-email-1", "wait-event-1"]);
    const { graph, selection } = store.getState();
    const pasted = graph.nodes.find((n) => n.id === "message-email-1");
    const original = graph.nodes.find((n) => n.id === "m1");
    // Clear of every card already there (cards are 240×90 until measured), the original included.
    const clear = (a: { x: number; y: number }, b: { x: number; y: number }) =>
      Math.abs(a.x - b.x) >= 240 || Math.abs(a.y - b.y) >= 90;
    for (const n of webinar.nodes) expect(clear(pasted!.position, n.position), n.id).toBe(true);
    expect(pasted!.position.x - original!.position.x).toBe(
      pasted!.position.y - original!.position.y,
    );
    expect(
      graph.edges.filter((e) => ids.includes(e.source) && ids.includes(e.target)),
    ).toHaveLength(1);
    expect([...selection.nodeIds]).toEqual(ids);
    // a second paste lands further away instead of on top of the first
    const again = store.getState().paste();
    expect(graph.nodes.length + 2).toBe(store.getState().graph.nodes.length);
    const second = store.getState().graph.nodes.find((n) => n.id === again[0])?.position;
    for (const n of graph.nodes) expect(clear(second!, n.position), n.id).toBe(true);
  });

  it("pasted config is a copy, so editing it leaves the original untouched", () => {
    const { store } = clockStore();
    store.getState().load(webinar);
    store.getState().setSelection(["w"]);
    store.getState().copySelection();
    const [id] = store.getState().paste();
    const pasted = store.getState().graph.nodes.find((n) => n.id === id);
    expect(pasted?.config).toEqual(webinar.nodes[2]?.config);
    expect(pasted?.config).not.toBe(webinar.nodes[2]?.config);
  });

  it("ignores edits, undo and paste in a read-only version", () => {
    const { store } = clockStore();
    store.getState().load(webinar, { readOnly: true });
    store.getState().dispatch({ kind: "rename", name: "Other" });
    store.getState().setSelection(["m1"]);
    store.getState().deleteSelection();
    expect(store.getState().graph).toBe(webinar);
  });

  it("marks the draft dirty and bumps the revision on each change, not on view changes", () => {
    const { store } = clockStore();
    store.getState().load(webinar);
    expect(store.getState().saveStatus).toBe("idle");
    store.getState().dispatch({ kind: "rename", name: "Renamed" });
    expect(store.getState().revision).toBe(1);
    expect(store.getState().saveStatus).toBe("dirty");
    store.getState().setSelection(["t"]);
    expect(store.getState().revision).toBe(1);
  });

  it("clears the redo stack when a new change follows an undo", () => {
    const { store } = clockStore();
    store.getState().load(webinar);
    store.getState().dispatch({ kind: "rename", name: "A" });
    store.getState().undo();
    store.getState().dispatch({ kind: "rename", name: "B" });
    expect(store.getState().history.future).toHaveLength(0);
  });
});
