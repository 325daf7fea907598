import { onDuplicateKey } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import { nodeStatId, type NodeStatRecord } from "../models/node-stat.js";

/**
 * Adds `inc` to a node's counters. Keyed by `_id` (journey and node): an upsert every engine answers from its
 * index. A duplicate key: the node's counters exist under an older ObjectId, or another process created them
 * first; increment those.
 */
export const incrementNodeStats = async (
  models: Collections,
  journeyId: string,
  nodeId: string,
  inc: Record<string, number>,
): Promise<void> => {
  const byNode = { journeyId, nodeId };
  await onDuplicateKey(
    () =>
      models.nodeStats.updateOne(
        { _id: nodeStatId(journeyId, nodeId) },
        { $inc: inc, $setOnInsert: byNode },
        { upsert: true },
      ),
    () => models.nodeStats.updateOne(byNode, { $inc: inc }),
  );
};

/** Every node's counters of one journey. */
export const readJourneyNodeStats = (models: Collections, journeyId: string) =>
  models.nodeStats.find({ journeyId }).toArray();

/** One node's counters, or null when nothing passed it yet. */
export const readNodeStats = (models: Collections, journeyId: string, nodeId: string) =>
  models.nodeStats.findOne({ journeyId, nodeId });

/** The counters a journey list shows (entered, active, converted per node), for many journeys in one query. */
export type EntryCounters = Pick<
  NodeStatRecord,
  "journeyId" | "nodeId" | "entered" | "active" | "converted"
>;

/** {@link EntryCounters} of every node of the given journeys. */
export const readEntryCounters = (
  models: Collections,
  journeyIds: readonly string[],
): Promise<EntryCounters[]> =>
  models.nodeStats
    .find<EntryCounters>(
      { journeyId: { $in: [...journeyIds] } },
      { projection: { journeyId: 1, nodeId: 1, entered: 1, active: 1, converted: 1 } },
    )
    .toArray();
