import type { Graph, HistoryEntry } from "./types.js";

/** Successive edits with the same key within this window are one undo step (typing in a field). */
export const COALESCE_MS = 1000;
export const HISTORY_LIMIT = 200;

export type History = { past: HistoryEntry[]; future: Graph[] };

export const emptyHistory: History = { past: [], future: [] };

/** Records `before` as the state to return to, unless this edit continues the previous one. */
export function record(
  history: History,
  before: Graph,
  coalesceKey: string | null,
  at: number,
): History {
  const last = history.past[history.past.length - 1];
  if (coalesceKey && last && last.coalesceKey === coalesceKey && at - last.at < COALESCE_MS) {
    const past = history.past.slice(0, -1);
    past.push({ ...last, at });
    return { past, future: [] };
  }
  const past = [...history.past, { graph: before, coalesceKey, at }];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, future: [] };
}

export function undo(history: History, current: Graph): { history: History; graph: Graph } | null {
  const last = history.past[history.past.length - 1];
  if (!last) return null;
  return {
    graph: last.graph,
    history: { past: history.past.slice(0, -1), future: [current, ...history.future] },
  };
}

export function redo(history: History, current: Graph): { history: History; graph: Graph } | null {
  const [next, ...rest] = history.future;
  if (!next) return null;
  return {
    graph: next,
    history: {
      past: [...history.past, { graph: current, coalesceKey: null, at: 0 }],
      future: rest,
    },
  };
}
