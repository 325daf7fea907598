import { onDuplicateKey } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import { nodeStatId } from "../models/node-stat.js";

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
