import { useCallback, useEffect, useRef } from "react";
import { ApiError } from "../../api/client.js";
import { journeysApi } from "../../api/journeys.js";
import type { EditorStore } from "../store/editorStore.js";

const DEBOUNCE_MS = 700;
/** A failed save is tried again after these delays (a busy database, a dropped connection). */
const RETRY_MS = [1000, 3000, 8000, 15000];

/** Saves the draft (PUT /api/journeys/:id) shortly after each change; `saveNow` flushes at once. */
export function useAutosave(
  store: EditorStore,
  journeyId: string,
  enabled: boolean,
): () => Promise<void> {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const failures = useRef(0);

  const save = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inflight.current) await inflight.current;
    const state = store.getState();
    if (state.readOnly || state.revision === state.savedRevision) return;
    const revision = state.revision;
    state.setSaveStatus("saving");
    const run = journeysApi.saveDraft(journeyId, state.graph).then(
      () => {
        failures.current = 0;
        const now = store.getState();
        now.setSaveStatus(now.revision === revision ? "saved" : "dirty", revision);
      },
      (error: unknown) => {
        store.getState().setSaveStatus("error");
        const delay = RETRY_MS[failures.current++];
        if (
          delay !== undefined &&
          (!(error instanceof ApiError) || error.status === 0 || error.status >= 500)
        ) {
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void save().catch(() => undefined), delay);
        }
        throw error;
      },
    );
    inflight.current = run.finally(() => (inflight.current = null)).catch(() => undefined);
    await run;
    if (store.getState().revision !== revision) await save();
  }, [store, journeyId]);

  useEffect(() => {
    if (!enabled) return;
    const unsubscribe = store.subscribe((state, prev) => {
      if (state.revision === prev.revision || state.readOnly) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save().catch(() => undefined), DEBOUNCE_MS);
    });
    const flush = () => void save().catch(() => undefined);
    window.addEventListener("pagehide", flush);
    return () => {
      unsubscribe();
      window.removeEventListener("pagehide", flush);
      if (timer.current) void save().catch(() => undefined);
    };
  }, [store, save, enabled]);

  return save;
}
