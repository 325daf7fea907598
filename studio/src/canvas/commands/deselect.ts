import type { Command } from "./types.js";

export const deselectCommand: Command = {
  id: "deselect",
  label: "Clear selection",
  group: "Selection",
  keys: ["escape"],
  run: ({ store }) => store.getState().setSelection([], []),
};
