import type { Command } from "./types.js";

/** Lays the journey out top to bottom with elkjs; the whole layout is one undo step. */
export const autoLayoutCommand: Command = {
  id: "auto-layout",
  label: "Tidy up layout",
  group: "View",
  keys: ["shift+l"],
  edits: true,
  enabled: ({ store }) => store.getState().graph.nodes.length > 0,
  run: async (ctx) => {
    const { graph, measured } = ctx.store.getState();
    const positions = await ctx.layout(graph, measured);
    ctx.store.getState().dispatch({ kind: "moveNodes", positions });
    ctx.viewport.fitView();
  },
};
