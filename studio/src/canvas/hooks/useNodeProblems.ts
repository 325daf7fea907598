import type { EditorState } from "../store/editorStore.js";
import type { Problem } from "../store/types.js";
import { useEditor } from "./useEditor.js";

const NONE: Problem[] = [];

/** The validation problems of one node or edge in the store (a stable empty list when it has none). */
export const problemsOf = (s: EditorState, id: string): Problem[] =>
  s.problemsByElement[id] ?? NONE;

/** The validation problems of one node or edge (a stable empty list when it has none). */
export function useNodeProblems(id: string): Problem[] {
  return useEditor((s) => problemsOf(s, id));
}
