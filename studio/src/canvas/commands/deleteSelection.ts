import type { Command } from "./types.js";

export const deleteCommand: Command = {
  id: "delete",
  label: "Delete selection",
  group: "Edit",
  keys: ["delete", "backspace"],
  edits: true,
  enabled: ({ store }) => {
    const { selection } = store.getState();
    return selection.nodeIds.size + selection.edgeIds.size > 0;
  },
  run: ({ store }) => store.getState().deleteSelection(),
};
