import type { Command } from "./types.js";

export const redoCommand: Command = {
  id: "redo",
  label: "Redo",
  group: "Edit",
  keys: ["mod+shift+z", "mod+y"],
  edits: true,
  enabled: ({ store }) => store.getState().history.future.length > 0,
  run: ({ store }) => store.getState().redo(),
};
