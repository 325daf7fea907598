import { useCallback, useEffect, useMemo, useRef } from "react";
import { whenIdle } from "../idle.js";
import type { EditorStore } from "../store/editorStore.js";

type Sizes = Record<string, { width: number; height: number }>;

/**
 * Stores the sizes React Flow reports for the steps when the browser is next idle, in one batch.
 *
 * React Flow keeps what it measured on its own copies of the nodes, so the canvas works before the sizes are
 * handed back; handing them back makes new node objects (controlled mode), which is another render of every
 * step and minimap entry. Done at once, that pass sat between a 500-step journey opening and it answering the
 * mouse. Until the batch lands, the minimap leaves those steps out and auto-layout uses the usual card size;
 * a node object made meanwhile (a step selected or moved) takes its size from `withPending`, so React Flow is
 * never handed a size older than the one it measured.
 */
export function useIdleSizeReports(store: EditorStore): {
  report: (sizes: Sizes) => void;
  withPending: (stored: Sizes) => Sizes;
} {
  const pending = useRef<Sizes | null>(null);
  const cancel = useRef<(() => void) | null>(null);

  useEffect(
    () => () => {
      cancel.current?.();
      cancel.current = null;
      pending.current = null;
    },
    [],
  );

  const report = useCallback(
    (sizes: Sizes) => {
      pending.current = { ...pending.current, ...sizes };
      cancel.current ??= whenIdle(() => {
        cancel.current = null;
        const batch = pending.current;
        pending.current = null;
        if (batch) store.getState().setMeasured(batch);
      });
    },
    [store],
  );
  const withPending = useCallback(
    (stored: Sizes) => (pending.current ? { ...stored, ...pending.current } : stored),
    [],
  );
  return useMemo(() => ({ report, withPending }), [report, withPending]);
}
