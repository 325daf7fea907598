import type { EditorStore } from "../store/editorStore.js";
import type { Graph } from "../store/types.js";

/** What a command may touch: the editor store, the viewport, and the editor's surrounding UI. */
export type CommandContext = {
  store: EditorStore;
  viewport: { fitView(): void; zoomIn(): void; zoomOut(): void };
  layout(
    graph: Graph,
    measured: Record<string, { width: number; height: number }>,
  ): Promise<Record<string, { x: number; y: number }>>;
  ui: {
    toggleHelp(): void;
    openTest(): void;
    openPublish(): void;
    saveNow(): void;
    notify(message: string): void;
  };
};

export type CommandGroup = "Edit" | "Selection" | "View" | "Journey" | "Help";

/** One editor command: dispatched the same way from keyboard, toolbar menus and the help overlay. */
export type Command = {
  id: string;
  label: string;
  group: CommandGroup;
  /** Key combos such as "mod+z", "shift+l", "?"; `mod` is Ctrl, or ⌘ on a Mac. */
  keys: string[];
  /** Commands that change the journey are unavailable in a read-only view. */
  edits?: boolean;
  enabled?(ctx: CommandContext): boolean;
  run(ctx: CommandContext): void | Promise<void>;
};
