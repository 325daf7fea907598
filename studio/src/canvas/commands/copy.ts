import type { Command } from "./types.js";

export const copyCommand: Command = {
  id: "copy",
  label: "Copy",
  group: "Edit",
  keys: ["mod+c"],
  enabled: ({ store }) => store.getState().selection.nodeIds.size > 0,
  run: ({ store, ui }) => {
    const count = store.getState().copySelection();
    ui.notify(`Copied ${count} node${count === 1 ? "" : "s"}`);
  },
};
