import { useStore } from "zustand";
import type { EditorState } from "../store/editorStore.js";
import { useEditorEnvironment } from "./EditorContext.js";

/** Subscribes to one slice of the editor store; keep selectors narrow and returning stable values. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorEnvironment().store, selector);
}
