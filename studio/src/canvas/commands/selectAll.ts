import type { Command } from "./types.js";

export const selectAllCommand: Command = {
  id: "select-all",
  label: "Select all",
  group: "Selection",
  keys: ["mod+a"],
  run: ({ store }) => {
    const { graph, setSelection } = store.getState();
    setSelection(
      graph.nodes.map((n) => n.id),
      graph.edges.map((e) => e.id),
    );
  },
};
