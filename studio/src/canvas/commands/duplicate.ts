import type { Command } from "./types.js";

export const duplicateCommand: Command = {
  id: "duplicate",
  label: "Duplicate",
  group: "Edit",
  keys: ["mod+d"],
  edits: true,
  enabled: ({ store }) => store.getState().selection.nodeIds.size > 0,
  run: ({ store }) => {
    const state = store.getState();
    const previous = state.clipboard;
    state.copySelection();
    store.getState().paste();
    // Duplicating must not replace what the person copied earlier.
    if (previous) store.setState({ clipboard: previous });
  },
};
