import { useCallback, useEffect, useRef, useState } from "react";
import { whenIdle } from "../idle.js";
import type { EditorStore } from "../store/editorStore.js";

type Sizes = Record<string, { width: number; height: number }>;

/** Sizes stored per idle callback: each batch re-renders that many steps, a short task (about 10 ms at 100). */
const BATCH = 100;

/**
 * Stores the sizes React Flow reports for the steps when the browser is idle, a batch per idle callback.
 *
 * React Flow keeps what it measured on its own copies of the nodes, so the canvas works before the sizes are
 * handed back; handing them back makes new node objects (controlled mode), which is another render of every
 * step and minimap entry. Done at once, that pass sat between a 500-step journey opening and it answering the
 * mouse. Until a step's size is stored, auto-layout uses the usual card size for it; a node object made
 * meanwhile (a step selected or moved) takes its size from `withPending`, so React Flow is never handed a size
 * older than the one it measured. `settled` turns true once a first round of reports is all stored (the
 * minimap, which draws steps from these sizes, waits for it).
 */
export function useIdleSizeReports(store: EditorStore): {
  report: (sizes: Sizes) => void;
  withPending: (stored: Sizes) => Sizes;
  settled: boolean;
} {
  const pending = useRef<Sizes | null>(null);
  const cancel = useRef<(() => void) | null>(null);
  const [settled, setSettled] = useState(false);

  useEffect(
    () => () => {
      cancel.current?.();
      cancel.current = null;
      pending.current = null;
    },
    [],
  );

  const storeBatch = useCallback(() => {
    cancel.current = null;
    const entries = Object.entries(pending.current ?? {});
    pending.current = entries.length > BATCH ? Object.fromEntries(entries.slice(BATCH)) : null;
    if (entries.length) store.getState().setMeasured(Object.fromEntries(entries.slice(0, BATCH)));
    if (pending.current) cancel.current = whenIdle(storeBatch);
    else setSettled(true);
  }, [store]);

  const report = useCallback(
    (sizes: Sizes) => {
      pending.current = { ...pending.current, ...sizes };
      cancel.current ??= whenIdle(storeBatch);
    },
    [storeBatch],
  );
  const withPending = useCallback(
    (stored: Sizes) => (pending.current ? { ...stored, ...pending.current } : stored),
    [],
  );
  return { report, withPending, settled };
}
