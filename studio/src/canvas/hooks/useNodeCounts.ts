import type { EditorState } from "../store/editorStore.js";
import type { NodeStats } from "../store/types.js";
import { useEditor } from "./useEditor.js";

/** A node's live counts in the store, or undefined when there are none. */
export const countsOf = (s: EditorState, id: string): NodeStats | undefined => s.counts[id];

/** Live per-node counts while the journey runs, or undefined when there are none. */
export function useNodeCounts(id: string): NodeStats | undefined {
  return useEditor((s) => countsOf(s, id));
}
