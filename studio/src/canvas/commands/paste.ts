import type { Command } from "./types.js";

export const pasteCommand: Command = {
  id: "paste",
  label: "Paste",
  group: "Edit",
  keys: ["mod+v"],
  edits: true,
  enabled: ({ store }) => (store.getState().clipboard?.nodes.length ?? 0) > 0,
  run: ({ store }) => {
    store.getState().paste();
  },
};
