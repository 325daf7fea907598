import type { ObjectId } from "mongodb";
import type { CollectionDeclaration } from "./declaration.js";

/**
 * Pre-aggregated per-node counters, updated with `$inc` as enrolments move (never recomputed per request).
 * `entered`: arrivals; `active`: currently at the node; `completed`: left it; `failed`: left it
 * by its `failed` port or failed the enrolment there; `converted`: enrolments that
 * passed the node and later converted. `ports` counts departures per output port (escaped keys), and
 * `portConversions`/`portRevenue` per port feed experiment results. A counter never incremented is absent.
 */
export type NodeStatRecord = {
  /** `<journeyId>:<nodeId>`; counters written before that key have an ObjectId. */
  _id: string | ObjectId;
  journeyId: string;
  nodeId: string;
  entered?: number;
  active?: number;
  completed?: number;
  failed?: number;
  converted?: number;
  revenue?: number;
  ports?: Record<string, number>;
  portConversions?: Record<string, number>;
  portRevenue?: Record<string, number>;
};

export const nodeStatCollection: CollectionDeclaration = {
  name: "node_stats",
  indexes: [{ key: { journeyId: 1, nodeId: 1 }, name: "journeyId_1_nodeId_1", unique: true }],
};

/** A node's counters document id. */
export const nodeStatId = (journeyId: string, nodeId: string): string => `${journeyId}:${nodeId}`;
