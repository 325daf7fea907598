import type { JourneyPlan, JourneyStatus } from "@omnijourney/shared";
import { onDuplicateKey } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import { deleteJourneyExperiments } from "./experiments.js";
import {
  newJourneyVersion,
  type ExperimentDecisionRecord,
  type JourneyRecord,
  type JourneyVersionRecord,
} from "../models/journey.js";

/** The most journeys one list answers. */
const LIST_LIMIT = 500;

/** A journey by id, or null. */
export const findJourneyById = (models: Collections, id: string) =>
  models.journeys.findOne({ _id: id });

/** Journeys, newest change first (at most 500), of one status when given. */
export const listJourneyRecords = (models: Collections, status?: JourneyStatus) =>
  models.journeys
    .find(status ? { status } : {})
    .sort({ updatedAt: -1 })
    .limit(LIST_LIMIT)
    .toArray();

/** Stores a new journey (build it with `newJourney`). */
export const insertJourney = async (models: Collections, journey: JourneyRecord): Promise<void> => {
  await models.journeys.insertOne(journey);
};

/** The fields a draft save replaces. */
export type JourneyDraft = Pick<JourneyRecord, "name" | "description" | "document">;

/** Replaces a journey's draft; its published versions are not affected. */
export const saveJourneyDraft = async (
  models: Collections,
  id: string,
  draft: JourneyDraft,
): Promise<void> => {
  await models.journeys.updateOne({ _id: id }, { $set: { ...draft, updatedAt: new Date() } });
};

/** Sets a journey's status (the caller checked the transition). */
export const setJourneyStatus = async (
  models: Collections,
  id: string,
  status: JourneyStatus,
): Promise<void> => {
  await models.journeys.updateOne({ _id: id }, { $set: { status, updatedAt: new Date() } });
};

/** Makes `version` the one new enrolments take, with its trigger denormalised onto the journey. */
export const markJourneyLive = async (
  models: Collections,
  id: string,
  live: Pick<JourneyRecord, "trigger"> & { version: number },
): Promise<void> => {
  const now = new Date();
  await models.journeys.updateOne(
    { _id: id },
    {
      $set: {
        status: "live",
        liveVersion: live.version,
        trigger: live.trigger,
        publishedAt: now,
        updatedAt: now,
      },
    },
  );
};

/** Deletes a journey with its versions, node and experiment counters and segment memberships (the journey document last). */
export const deleteJourneyAndData = async (models: Collections, id: string): Promise<void> => {
  await models.journeyVersions.deleteMany({ journeyId: id });
  await models.nodeStats.deleteMany({ journeyId: id });
  await deleteJourneyExperiments(models, id);
  await models.segmentMemberships.deleteMany({ journeyId: id });
  await models.journeys.deleteOne({ _id: id });
};

/** What freezing a plan gave: its version number and whether it was new, or a conflict with another publish. */
export type FrozenVersion = { version: number; created: boolean } | { conflict: true };

/**
 * Freezes `plan` as the journey's next version, unless the newest version has the same content hash (then that
 * one is answered, `created: false`). The unique (journeyId, version) index turns a concurrent publish into a
 * conflict instead of two versions with the same number.
 */
export const freezeJourneyVersion = async (
  models: Collections,
  journeyId: string,
  plan: JourneyPlan,
  document: JourneyRecord["document"],
): Promise<FrozenVersion> => {
  const latest = await models.journeyVersions
    .find({ journeyId })
    .sort({ version: -1 })
    .limit(1)
    .next();
  if (latest && latest.hash === plan.hash) return { version: latest.version, created: false };
  const version = latest ? latest.version + 1 : 1;
  return onDuplicateKey(
    async (): Promise<FrozenVersion> => {
      await models.journeyVersions.insertOne(
        newJourneyVersion({ journeyId, version, plan, document, hash: plan.hash }),
      );
      return { version, created: true };
    },
    async (): Promise<FrozenVersion> => ({ conflict: true }),
  );
};

/** A published version without its plan and document. */
export type JourneyVersionSummary = Pick<JourneyVersionRecord, "version" | "hash" | "publishedAt">;

/** A journey's published versions, newest first. */
export const listJourneyVersions = (
  models: Collections,
  journeyId: string,
): Promise<JourneyVersionSummary[]> =>
  models.journeyVersions
    .find<JourneyVersionSummary>({ journeyId }, { projection: { plan: 0, document: 0 } })
    .sort({ version: -1 })
    .toArray();

/** One published version, or null. */
export const findJourneyVersion = (models: Collections, journeyId: string, version: number) =>
  models.journeyVersions.findOne({ journeyId, version });

/** Adds a declared winner to the journey (append only). */
export const addExperimentDecision = async (
  models: Collections,
  journeyId: string,
  decision: ExperimentDecisionRecord,
): Promise<void> => {
  await models.journeys.updateOne(
    { _id: journeyId },
    { $push: { experimentDecisions: decision }, $set: { updatedAt: new Date() } },
  );
};

/** What the segment pages read of a journey that may refer to a segment. */
export type JourneyDraftRef = Pick<JourneyRecord, "_id" | "name" | "document">;

/** Every journey that is not archived, with its draft document (to find the segments it refers to). */
export const listUnarchivedDrafts = (models: Collections): Promise<JourneyDraftRef[]> =>
  models.journeys
    .find<JourneyDraftRef>(
      { status: { $ne: "archived" } },
      { projection: { name: 1, document: 1 } },
    )
    .toArray();

/** What the segment sweep reads of a live journey. */
export type LiveJourneyTrigger = Pick<
  JourneyRecord,
  "_id" | "trigger" | "liveVersion" | "publishedAt"
>;

/** Every live journey's trigger, live version and publish time. */
export const listLiveTriggers = (models: Collections): Promise<LiveJourneyTrigger[]> =>
  models.journeys
    .find<LiveJourneyTrigger>(
      { status: "live" },
      { projection: { trigger: 1, liveVersion: 1, publishedAt: 1 } },
    )
    .toArray();

/** Stores a journey unless one with its id exists (that one is left as it is); resolves the stored one. */
export const insertJourneyIfAbsent = async (
  models: Collections,
  journey: JourneyRecord,
): Promise<JourneyRecord | null> => {
  await models.journeys.updateOne(
    { _id: journey._id },
    { $setOnInsert: journey },
    { upsert: true },
  );
  return findJourneyById(models, journey._id);
};
