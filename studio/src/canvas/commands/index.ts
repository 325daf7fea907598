import { autoLayoutCommand } from "./autoLayout.js";
import { copyCommand } from "./copy.js";
import { cutCommand } from "./cut.js";
import { deleteCommand } from "./deleteSelection.js";
import { deselectCommand } from "./deselect.js";
import { duplicateCommand } from "./duplicate.js";
import { helpCommand } from "./help.js";
import { publishCommand, saveCommand, testCommand } from "./journey.js";
import { pasteCommand } from "./paste.js";
import { redoCommand } from "./redo.js";
import { createCommandRegistry } from "./registry.js";
import { selectAllCommand } from "./selectAll.js";
import { undoCommand } from "./undo.js";
import { fitViewCommand, zoomInCommand, zoomOutCommand } from "./viewport.js";

/** Every editor command, in the order the help overlay lists them. */
export const editorCommands = [
  undoCommand,
  redoCommand,
  copyCommand,
  cutCommand,
  pasteCommand,
  duplicateCommand,
  deleteCommand,
  selectAllCommand,
  deselectCommand,
  autoLayoutCommand,
  fitViewCommand,
  zoomInCommand,
  zoomOutCommand,
  saveCommand,
  testCommand,
  publishCommand,
  helpCommand,
];

export const commandRegistry = createCommandRegistry(editorCommands);
export type { Command, CommandContext } from "./types.js";
