import type { Problem } from "../store/types.js";
import { useEditor } from "./useEditor.js";

const NONE: Problem[] = [];

/** The validation problems of one node or edge (a stable empty list when it has none). */
export function useNodeProblems(id: string): Problem[] {
  return useEditor((s) => s.problemsByElement[id] ?? NONE);
}
