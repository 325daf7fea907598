import { useEditor } from "./useEditor.js";

/** Whether a simulation ran and, if so, whether its path passed through this node. */
export function useNodeSimulation(id: string): "visited" | "skipped" | null {
  return useEditor((s) =>
    s.simulation ? (s.simulation.visited.has(id) ? "visited" : "skipped") : null,
  );
}
