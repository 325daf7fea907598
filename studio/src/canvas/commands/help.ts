import type { Command } from "./types.js";

export const helpCommand: Command = {
  id: "help",
  label: "Keyboard shortcuts",
  group: "Help",
  keys: ["?"],
  run: ({ ui }) => ui.toggleHelp(),
};
