import type { Command } from "./types.js";

export const undoCommand: Command = {
  id: "undo",
  label: "Undo",
  group: "Edit",
  keys: ["mod+z"],
  edits: true,
  enabled: ({ store }) => store.getState().history.past.length > 0,
  run: ({ store }) => store.getState().undo(),
};
