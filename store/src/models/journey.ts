import type { ExperimentDecision, JourneyPlan, JourneyStatus } from "@omnijourney/shared";
import type { CollectionDeclaration } from "./declaration.js";
import { newId } from "./ids.js";

/** The editable journey: its draft document (what the studio saves) and its lifecycle. */
export type JourneyRecord = {
  /** `newId("j")`. */
  _id: string;
  name: string;
  description?: string;
  /** The draft journey document `{ name, nodes, edges, settings }`. */
  document: Record<string, unknown>;
  status: JourneyStatus;
  /** The version new enrolments take; null until the first publish. */
  liveVersion: number | null;
  /** Denormalised from the live version's trigger, so ingestion finds journeys to enrol into with one query. */
  trigger: Record<string, unknown> | null;
  publishedAt?: Date;
  /** Winners declared for its experiment nodes, oldest first (each also an audit entry). */
  experimentDecisions?: ExperimentDecisionRecord[];
  createdAt: Date;
  updatedAt: Date;
};

/** A declared winner as stored. */
export type ExperimentDecisionRecord = Omit<ExperimentDecision, "decidedAt"> & { decidedAt: Date };

export const journeyCollection: CollectionDeclaration = {
  name: "journeys",
  indexes: [
    { key: { status: 1 }, name: "status_1" },
    { key: { updatedAt: -1 }, name: "updatedAt_-1" },
  ],
};

/** A published, frozen version of a journey: the compiled plan that enrolments on it run. */
export type JourneyVersionRecord = {
  journeyId: string;
  version: number;
  /** The compiled JourneyPlan (plain JSON). */
  plan: JourneyPlan;
  /** The document as it was published, for read-only display. */
  document: Record<string, unknown>;
  hash: string;
  publishedAt: Date;
};

export const journeyVersionCollection: CollectionDeclaration = {
  name: "journey_versions",
  indexes: [{ key: { journeyId: 1, version: 1 }, name: "journeyId_1_version_1", unique: true }],
};

/** A new draft journey (`_id` from `newId("j")` unless given, no live version, both timestamps now). */
export const newJourney = (
  fields: Pick<JourneyRecord, "name" | "document"> & Partial<JourneyRecord>,
): JourneyRecord => {
  const now = new Date();
  return {
    _id: newId("j"),
    status: "draft",
    liveVersion: null,
    trigger: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
};

/** A frozen version published now unless `publishedAt` is given. */
export const newJourneyVersion = (
  fields: Omit<JourneyVersionRecord, "publishedAt"> & Partial<JourneyVersionRecord>,
): JourneyVersionRecord => ({ publishedAt: new Date(), ...fields });
