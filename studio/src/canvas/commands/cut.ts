import type { Command } from "./types.js";

export const cutCommand: Command = {
  id: "cut",
  label: "Cut",
  group: "Edit",
  keys: ["mod+x"],
  edits: true,
  enabled: ({ store }) => store.getState().selection.nodeIds.size > 0,
  run: ({ store }) => {
    const state = store.getState();
    state.copySelection();
    state.deleteSelection();
  },
};
