import { useEffect, useState } from "react";
import { diffJourneys, type JourneyDiff } from "../../canvas/diff.js";
import { journeysApi, type JourneyVersion } from "../../api/journeys.js";
import { errorMessage } from "../../api/client.js";

/** How many of the newest versions the history compares (each needs its document). */
const COMPARED = 10;

/** A published version with what it changed since the one before it (null for the first or an unreadable one). */
export type VersionEntry = JourneyVersion & { changes: JourneyDiff | null };

export type HistoryState =
  | { kind: "loading" }
  | { kind: "ready"; entries: VersionEntry[]; more: number }
  | { kind: "failed"; message: string };

/** The journey's published versions, newest first, each compared with its predecessor (canvas/diff.ts). */
export function useVersionHistory(journeyId: string): HistoryState {
  const [state, setState] = useState<HistoryState>({ kind: "loading" });
  useEffect(() => {
    let live = true;
    (async () => {
      const list = await journeysApi.versions(journeyId);
      const shown = list.slice(0, COMPARED + 1);
      const docs = await Promise.all(
        shown.map((v) => journeysApi.version(journeyId, v.version).catch(() => null)),
      );
      const entries = shown.slice(0, COMPARED).map((v, i): VersionEntry => {
        const doc = docs[i]?.document ?? null;
        const before = docs[i + 1]?.document ?? null;
        const first = i + 1 >= list.length;
        return {
          ...v,
          document: doc,
          changes: doc && (before || first) ? diffJourneys(before, doc) : null,
        };
      });
      if (live) setState({ kind: "ready", entries, more: Math.max(0, list.length - COMPARED) });
    })().catch(
      (error: unknown) => live && setState({ kind: "failed", message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [journeyId]);
  return state;
}
