import {
  assertNever,
  escapeKey,
  type NodeCounter,
  type NodePortCounter,
} from "@omnijourney/shared";
import type { EnrolmentOutcome, ProgressBatch, WaitingFor } from "../workflows/types.js";

/** A counter of a node's stats document: one of the shared `NodeCounters`, or one port's entry in a per-port map. */
type CounterPath = NodeCounter | `${NodePortCounter}.${string}`;

/** Counter increments per node, each a `$inc` document whose keys are `CounterPath`s (see `bump`). */
export type NodeIncrements = Map<string, Record<string, number>>;

/** The enrolment projection after a batch, and the per-node counter increments it implies. */
export type ProgressEffect = {
  fields: {
    currentNodeId?: string | null;
    waitingFor?: WaitingFor;
    status?: EnrolmentOutcome;
    reason?: string;
    endedAt?: Date;
    revenue?: number;
    variants: Record<string, string>;
  };
  increments: NodeIncrements;
};

function bump(increments: NodeIncrements, nodeId: string, field: CounterPath, by: number): void {
  const doc = increments.get(nodeId) ?? {};
  doc[field] = (doc[field] ?? 0) + by;
  increments.set(nodeId, doc);
}

/** Folds a batch of progress ops into projection fields and `$inc` documents (pure). */
export function progressEffect(batch: ProgressBatch): ProgressEffect {
  const increments: NodeIncrements = new Map();
  const fields: ProgressEffect["fields"] = { variants: {} };
  for (const op of batch.ops) {
    switch (op.op) {
      case "enter":
        bump(increments, op.nodeId, "entered", 1);
        bump(increments, op.nodeId, "active", 1);
        fields.currentNodeId = op.nodeId;
        fields.waitingFor = null;
        break;
      case "leave":
        bump(increments, op.nodeId, "active", -1);
        bump(increments, op.nodeId, "completed", 1);
        if (op.port !== null) bump(increments, op.nodeId, `ports.${escapeKey(op.port)}`, 1);
        if (op.failed || op.port === "failed") bump(increments, op.nodeId, "failed", 1);
        fields.waitingFor = null;
        break;
      case "waiting":
        fields.waitingFor = op.waitingFor;
        break;
      case "variant":
        fields.variants[op.nodeId] = op.variant;
        break;
      case "convert":
        fields.revenue = op.revenue;
        for (const nodeId of op.nodes) {
          bump(increments, nodeId, "converted", 1);
          if (op.revenue) bump(increments, nodeId, "revenue", op.revenue);
        }
        for (const { nodeId, port } of op.ports) {
          bump(increments, nodeId, `portConversions.${escapeKey(port)}`, 1);
          if (op.revenue) bump(increments, nodeId, `portRevenue.${escapeKey(port)}`, op.revenue);
        }
        break;
      case "end":
        fields.status = op.status;
        if (op.reason) fields.reason = op.reason;
        fields.endedAt = new Date(op.at);
        fields.waitingFor = null;
        break;
      default:
        assertNever(op);
    }
  }
  return { fields, increments };
}
