import { useShallow } from "zustand/react/shallow";
import type { NodeStats, Problem } from "../store/types.js";
import { useEditor } from "./useEditor.js";
import { countsOf } from "./useNodeCounts.js";
import { problemsOf } from "./useNodeProblems.js";

/**
 * What a node card shows from the editor store, in one subscription (compared field by field): its
 * problems, live counts and simulation state. One store listener per node instead of three matters
 * with hundreds of nodes, since every store update runs every listener's selector.
 */
export function useNodeState(id: string): {
  problems: Problem[];
  counts: NodeStats | undefined;
  simulation: "visited" | "skipped" | null;
} {
  return useEditor(
    useShallow((s) => ({
      problems: problemsOf(s, id),
      counts: countsOf(s, id),
      simulation: s.simulation ? (s.simulation.visited.has(id) ? "visited" : "skipped") : null,
    })),
  );
}
