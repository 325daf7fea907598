import type { CollectionDeclaration } from "./declaration.js";

/**
 * Pre-aggregated daily counters (docs/analytics.md): one document per (journey, node, UTC day), `$inc`ed where the
 * facts happen (enrolment progress and sends in the worker, feedback and ingestion in the API), never recomputed
 * per request. `nodeId` "" holds the journey's own facts, `journeyId` "" the workspace's. `counts` keys are the
 * metric names of shared's analytics/metrics.ts.
 */
export type DailyCounterRecord = {
  /** `dailyCounterId(day, journeyId, nodeId)`. */
  _id: string;
  day: string;
  journeyId: string;
  nodeId: string;
  counts: Record<string, number>;
};

export const dailyCounterCollection: CollectionDeclaration = {
  name: "daily_counters",
  indexes: [
    { key: { journeyId: 1, day: 1 }, name: "journeyId_1_day_1" },
    { key: { day: 1 }, name: "day_1" },
  ],
};

/** A counter document's id: the day first, so ids sort by day. */
export const dailyCounterId = (day: string, journeyId: string, nodeId: string): string =>
  `${day}|${journeyId}|${nodeId}`;
