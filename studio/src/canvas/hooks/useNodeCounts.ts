import type { NodeCounts } from "../store/types.js";
import { useEditor } from "./useEditor.js";

/** Live per-node counts while the journey runs, or undefined when there are none. */
export function useNodeCounts(id: string): NodeCounts | undefined {
  return useEditor((s) => s.counts[id]);
}
