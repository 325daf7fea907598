import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";

export const enrolmentStatuses = [
  "active",
  "completed",
  "converted",
  "exited",
  "cancelled",
  "failed",
] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

/** A projection of one enrolment workflow's state, written by the runtime, read by the API and studio. */
export const enrolmentSchema = new Schema(
  {
    /**
     * The enrolment id again: every progress write finds its document by it, and the embedded
     * FerretDB (SQLite) finds documents without scanning only by `_id`.
     */
    _id: { type: String },
    /** `<workflowId>/<first run id>`: one per enrolment, even when re-entry reuses the workflow id. */
    enrolmentId: { type: String, required: true, unique: true },
    workflowId: { type: String, required: true, index: true },
    journeyId: { type: String, required: true },
    version: { type: Number, required: true },
    profileId: { type: String, required: true, index: true },
    status: { type: String, required: true, enum: enrolmentStatuses, default: "active" },
    currentNodeId: { type: String },
    /** What the enrolment waits for right now: `{ kind: "timer", until }` or `{ kind: "event", event, until }`. */
    waitingFor: { type: Schema.Types.Mixed, default: null },
    /** Experiment assignments, node id -> variant. */
    variants: { type: Schema.Types.Mixed, default: {} },
    /** Why it ended (exit event, goal, max steps, ...). */
    reason: { type: String },
    revenue: { type: Number },
    startedAt: { type: Date, required: true },
    /** Sequence number of the last progress batch applied (a retried batch is applied once). */
    progressSeq: { type: Number, default: 0 },
    endedAt: { type: Date },
  },
  { collection: "enrolments", timestamps: true, minimize: false, versionKey: false },
);
enrolmentSchema.index({ journeyId: 1, status: 1 });
enrolmentSchema.index({ journeyId: 1, profileId: 1 });
enrolmentSchema.index({ profileId: 1, status: 1 });

export type EnrolmentDocument = InferSchemaType<typeof enrolmentSchema>;
export type EnrolmentModel = Model<EnrolmentDocument>;

export const createEnrolmentModel = (connection: Connection): EnrolmentModel =>
  connection.model<EnrolmentDocument>("Enrolment", enrolmentSchema);
