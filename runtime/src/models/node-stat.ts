import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";

/**
 * Pre-aggregated per-node counters, updated with `$inc` as enrolments move (never recomputed per request).
 * `entered`: arrivals; `active`: currently at the node; `completed`: left it; `converted`: enrolments that
 * passed the node and later converted. `ports` counts departures per output port (escaped keys), and
 * `portConversions`/`portRevenue` per port feed experiment results.
 */
export const nodeStatSchema = new Schema(
  {
    journeyId: { type: String, required: true },
    nodeId: { type: String, required: true },
    entered: { type: Number, default: 0 },
    active: { type: Number, default: 0 },
    completed: { type: Number, default: 0 },
    converted: { type: Number, default: 0 },
    revenue: { type: Number, default: 0 },
    ports: { type: Schema.Types.Mixed, default: {} },
    portConversions: { type: Schema.Types.Mixed, default: {} },
    portRevenue: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: "node_stats", minimize: false, versionKey: false },
);
nodeStatSchema.index({ journeyId: 1, nodeId: 1 }, { unique: true });

export type NodeStatDocument = InferSchemaType<typeof nodeStatSchema>;
export type NodeStatModel = Model<NodeStatDocument>;

export const createNodeStatModel = (connection: Connection): NodeStatModel =>
  connection.model<NodeStatDocument>("NodeStat", nodeStatSchema);
