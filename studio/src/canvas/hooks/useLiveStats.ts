import { useEffect } from "react";
import { emptyNodeStats } from "@omnijourney/shared";
import { journeysApi } from "../../api/journeys.js";
import type { EditorStore } from "../store/editorStore.js";
import type { NodeStats } from "../store/types.js";

const POLL_MS = 2000;

/** While the journey runs, polls per-node counts and shows them on the canvas without a reload. */
export function useLiveStats(store: EditorStore, journeyId: string, active: boolean): void {
  useEffect(() => {
    if (!active) {
      store.getState().setCounts({});
      return;
    }
    let stopped = false;
    const poll = () =>
      journeysApi.stats(journeyId).then(
        (counts) => {
          if (stopped) return;
          // Steps nobody reached yet show zeros, so a live journey reads as live everywhere.
          const all: Record<string, NodeStats> = {};
          for (const node of store.getState().graph.nodes)
            all[node.id] = counts[node.id] ?? emptyNodeStats();
          store.getState().setCounts(all);
        },
        () => undefined,
      );
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [store, journeyId, active]);
}
