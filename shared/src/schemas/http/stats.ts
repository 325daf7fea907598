import { z } from "zod";

/**
 * The per-node counters kept as enrolments move (one `nodeStats` document per journey and node):
 * entered and completed count visits, active is the enrolments waiting there now, failed the visits
 * that failed there (left by the `failed` port, or ended the enrolment as failed), converted and revenue
 * are the conversions attributed to the node.
 */
export const NodeCounters = z.object({
  entered: z.number(),
  active: z.number(),
  completed: z.number(),
  failed: z.number(),
  converted: z.number(),
  revenue: z.number(),
});
/** A node's counters. */
export type NodeCounters = z.infer<typeof NodeCounters>;
/** The name of one of a node's counters. */
export type NodeCounter = keyof NodeCounters;
/**
 * Per-port counter maps (`ports.<port>`): leaves through a port, conversions and revenue of the
 * enrolments that took it (experiment arms are ports).
 */
export type NodePortCounter = "ports" | "portConversions" | "portRevenue";

/** One step of a cascade node, as the live view shows it. */
export const CascadeStepStats = z.object({
  /** Index into the node's listed steps (`cascadeStep` on the messages). */
  step: z.number().int(),
  channel: z.string(),
  /** Handed to the provider (`SENT_MESSAGE_STATUSES`). */
  sent: z.number(),
  /** Sent messages the person responded to (`RESPONDED_MESSAGE_STATUSES`). */
  responded: z.number(),
  /** Not sent: no address, no consent, frequency cap. */
  skipped: z.number(),
  failed: z.number(),
  /** Sum of the messages' cost, in the workspace currency. */
  cost: z.number(),
});
/** One cascade step's numbers. */
export type CascadeStepStats = z.infer<typeof CascadeStepStats>;

/** One node's numbers on the live canvas. */
export const NodeStats = NodeCounters.extend({
  /** Leaves per output port. */
  ports: z.record(z.string(), z.number()),
  /** message.cascade only: per step, from the journey's messages. */
  steps: z.array(CascadeStepStats).optional(),
  /** With `steps`: the workspace currency their cost is in. */
  currency: z.string().optional(),
}).meta({ id: "NodeStats" });
/** One node's numbers. */
export type NodeStats = z.infer<typeof NodeStats>;

/** A node nobody has reached yet: every count 0, no port left. */
export const emptyNodeStats = (): NodeStats => ({
  entered: 0,
  active: 0,
  completed: 0,
  failed: 0,
  converted: 0,
  revenue: 0,
  ports: {},
});

/** `GET /api/journeys/:id/stats`: every node's numbers, by node id. */
export const JourneyStats = z
  .object({ nodes: z.record(z.string(), NodeStats) })
  .meta({ id: "JourneyStats" });
/** A journey's per-node numbers. */
export type JourneyStats = z.infer<typeof JourneyStats>;
