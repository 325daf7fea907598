import { describe, expect, it } from "vitest";
import { commandRegistry, editorCommands } from "../src/canvas/commands/index.js";
import { createCommandRegistry } from "../src/canvas/commands/registry.js";
import { comboOf, normaliseCombo } from "../src/canvas/commands/keys.js";
import type { CommandContext } from "../src/canvas/commands/types.js";
import { layoutGraph } from "../src/canvas/layout/elk.js";
import { createEditorStore } from "../src/canvas/store/editorStore.js";
import type { JourneyDocument } from "../src/canvas/store/types.js";

const branching: JourneyDocument = {
  name: "Branching",
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: "signup" } },
    { id: "b", type: "branch.condition", position: { x: 0, y: 0 }, config: {} },
    { id: "yes", type: "message.email", position: { x: 0, y: 0 }, config: {} },
    { id: "no", type: "message.sms", position: { x: 0, y: 0 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "b" },
    { id: "e2", source: "b", sourceHandle: "yes", target: "yes" },
    { id: "e3", source: "b", sourceHandle: "no", target: "no" },
  ],
  settings: {},
};

const ports: Record<string, string[]> = {
  t: ["next"],
  b: ["yes", "no"],
  yes: ["next"],
  no: ["next"],
};

function context(doc = branching) {
  const store = createEditorStore();
  store.getState().load(doc);
  const calls: string[] = [];
  const ctx: CommandContext = {
    store,
    viewport: {
      fitView: () => calls.push("fit"),
      zoomIn: () => calls.push("in"),
      zoomOut: () => calls.push("out"),
    },
    layout: (graph, measured) => layoutGraph(graph, measured, (id) => ports[id] ?? ["next"]),
    ui: {
      toggleHelp: () => calls.push("help"),
      openTest: () => calls.push("test"),
      openPublish: () => calls.push("publish"),
      saveNow: () => calls.push("save"),
      notify: (m) => calls.push(`notify:${m}`),
    },
  };
  return { store, ctx, calls };
}

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("command registry", () => {
  it("refuses two commands on the same shortcut", () => {
    const run = () => undefined;
    expect(() =>
      createCommandRegistry([
        { id: "a", label: "A", group: "Edit", keys: ["mod+k"], run },
        { id: "b", label: "B", group: "Edit", keys: ["Mod+K"], run },
      ]),
    ).toThrow(/ambiguous/);
  });

  it("refuses duplicate command ids", () => {
    const run = () => undefined;
    expect(() =>
      createCommandRegistry([
        { id: "a", label: "A", group: "Edit", keys: [], run },
        { id: "a", label: "A again", group: "Edit", keys: [], run },
      ]),
    ).toThrow(/Duplicate/);
  });

  it("registers every editor command without conflicts", () => {
    expect(commandRegistry.all).toHaveLength(editorCommands.length);
  });

  it("maps Ctrl and ⌘ to the same command, and shift+z to redo", () => {
    expect(commandRegistry.forKey(key("z", { ctrlKey: true }))?.id).toBe("undo");
    expect(commandRegistry.forKey(key("z", { metaKey: true }))?.id).toBe("undo");
    expect(commandRegistry.forKey(key("Z", { metaKey: true, shiftKey: true }))?.id).toBe("redo");
    expect(commandRegistry.forKey(key("?", { shiftKey: true }))?.id).toBe("help");
    expect(commandRegistry.forKey(key("L", { shiftKey: true }))?.id).toBe("auto-layout");
    expect(commandRegistry.forKey(key("q"))).toBeUndefined();
  });

  it("normalises written combos the same way as key events", () => {
    expect(normaliseCombo("Mod+Shift+Z")).toBe(
      comboOf(key("Z", { ctrlKey: true, shiftKey: true })),
    );
    expect(normaliseCombo("Delete")).toBe("delete");
    expect(normaliseCombo("?")).toBe(comboOf(key("?", { shiftKey: true })));
  });
});

describe("editor commands", () => {
  it("undo and redo through the registry restore the document", async () => {
    const { store, ctx } = context();
    expect(commandRegistry.isEnabled("undo", ctx)).toBe(false);
    store.getState().setSelection(["no"]);
    expect(await commandRegistry.run("delete", ctx)).toBe(true);
    expect(store.getState().graph.nodes).toHaveLength(3);
    await commandRegistry.run("undo", ctx);
    expect(store.getState().graph.nodes).toHaveLength(4);
    await commandRegistry.run("redo", ctx);
    expect(store.getState().graph.nodes).toHaveLength(3);
  });

  it("copy then paste adds the copied nodes; duplicate keeps the clipboard", async () => {
    const { store, ctx } = context();
    store.getState().setSelection(["yes"]);
    await commandRegistry.run("copy", ctx);
    store.getState().setSelection(["no"]);
    await commandRegistry.run("duplicate", ctx);
    expect(store.getState().clipboard?.nodes.map((n) => n.id)).toEqual(["yes"]);
    await commandRegistry.run("paste", ctx);
    const types = store.getState().graph.nodes.map((n) => n.type);
    expect(types.filter((t) => t === "message.email")).toHaveLength(2);
    expect(types.filter((t) => t === "message.sms")).toHaveLength(2);
  });

  it("select-all selects every node and edge, escape clears it", async () => {
    const { store, ctx } = context();
    await commandRegistry.run("select-all", ctx);
    expect(store.getState().selection.nodeIds.size).toBe(4);
    expect(store.getState().selection.edgeIds.size).toBe(3);
    await commandRegistry.run("deselect", ctx);
    expect(store.getState().selection.nodeIds.size).toBe(0);
  });

  it("auto-layout places nodes top to bottom, yes left of no, as one undo step", async () => {
    const { store, ctx, calls } = context();
    await commandRegistry.run("auto-layout", ctx);
    const pos = Object.fromEntries(store.getState().graph.nodes.map((n) => [n.id, n.position]));
    expect(pos.t!.y).toBeLessThan(pos.b!.y);
    expect(pos.b!.y).toBeLessThan(pos.yes!.y);
    expect(pos.yes!.y).toBe(pos.no!.y);
    expect(pos.yes!.x).toBeLessThan(pos.no!.x);
    expect(store.getState().history.past).toHaveLength(1);
    expect(calls).toContain("fit");
  });

  it("editing commands are unavailable in a read-only version; viewing ones still run", async () => {
    const store = createEditorStore();
    store.getState().load(branching, { readOnly: true });
    const { ctx } = context();
    const readOnlyCtx = { ...ctx, store };
    store.getState().setSelection(["no"]);
    expect(await commandRegistry.run("delete", readOnlyCtx)).toBe(false);
    expect(await commandRegistry.run("fit-view", readOnlyCtx)).toBe(true);
    expect(store.getState().graph.nodes).toHaveLength(4);
  });
});
