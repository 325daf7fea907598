import { useEffect } from "react";
import { journeysApi } from "../../api/journeys.js";
import type { EditorStore } from "../store/editorStore.js";

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
        (counts) => !stopped && store.getState().setCounts(counts),
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
