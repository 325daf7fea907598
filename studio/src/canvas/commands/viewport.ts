import type { Command } from "./types.js";

export const fitViewCommand: Command = {
  id: "fit-view",
  label: "Zoom to fit",
  group: "View",
  keys: ["shift+1"],
  run: ({ viewport }) => viewport.fitView(),
};

export const zoomInCommand: Command = {
  id: "zoom-in",
  label: "Zoom in",
  group: "View",
  keys: ["mod+=", "="],
  run: ({ viewport }) => viewport.zoomIn(),
};

export const zoomOutCommand: Command = {
  id: "zoom-out",
  label: "Zoom out",
  group: "View",
  keys: ["mod+-", "-"],
  run: ({ viewport }) => viewport.zoomOut(),
};
