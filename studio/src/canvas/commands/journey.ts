import type { Command } from "./types.js";

export const saveCommand: Command = {
  id: "save",
  label: "Save draft now",
  group: "Journey",
  keys: ["mod+s"],
  edits: true,
  run: ({ ui }) => ui.saveNow(),
};

export const testCommand: Command = {
  id: "test",
  label: "Test this journey",
  group: "Journey",
  keys: ["shift+t"],
  run: ({ ui }) => ui.openTest(),
};

export const publishCommand: Command = {
  id: "publish",
  label: "Publish…",
  group: "Journey",
  keys: ["mod+shift+p"],
  edits: true,
  run: ({ ui }) => ui.openPublish(),
};
