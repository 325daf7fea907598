import { findByIds } from "../engine/capabilities.js";
import { insertedDespiteDuplicates } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import {
  segmentMembershipRow,
  type MembershipKey,
  type SegmentMembershipRecord,
  type SegmentRecord,
} from "../models/segment.js";

/** A current membership row: its `_id` (deletes go by `_id`) and when the profile entered. */
export type MemberRow = Pick<SegmentMembershipRecord, "_id" | "enteredAt">;

/** The pair's membership rows by profile id, streamed (one collection scan). */
export async function readMembers(
  models: Collections,
  key: MembershipKey,
): Promise<Map<string, MemberRow>> {
  const members = new Map<string, MemberRow>();
  const rows = models.segmentMemberships.find(key, {
    projection: { _id: 1, profileId: 1, enteredAt: 1 },
    batchSize: 1_000,
  });
  for await (const row of rows)
    members.set(row.profileId, { _id: row._id, enteredAt: row.enteredAt });
  return members;
}

/**
 * Records that profiles entered a journey's segment and resolves the profile ids whose row this call created:
 * only those may be enrolled. The one writer of segment entry, for the fan-out, publish with `enrolExisting`
 * and the sweep. A row that exists already (written meanwhile by another writer, or by an earlier attempt; a
 * row from before `_id` keys under another `_id`) fails on the unique (journey, segment, profile) key and is
 * left out.
 *
 * Plain inserts keyed by `_id` rather than upserts: on the embedded engine every upsert filter scans the
 * collection (engine/capabilities.ts), so entering N profiles by upsert costs N scans; inserts are checked by
 * the unique index alone (0007).
 */
export async function enterSegment(
  models: Collections,
  key: MembershipKey,
  profileIds: readonly string[],
  enteredAt: Date,
): Promise<string[]> {
  if (profileIds.length === 0) return [];
  const docs = profileIds.map((profileId) => segmentMembershipRow(key, profileId, enteredAt));
  const inserted = await insertedDespiteDuplicates(
    () => models.segmentMemberships.insertMany(docs, { ordered: false }),
    docs.length,
  );
  return inserted.map((index) => profileIds[index] ?? "");
}

/** Which of these membership rows exist, by `_id` (one `$in` read per 500 rows). */
export async function existingMemberships(
  models: Collections,
  rowIds: readonly string[],
): Promise<Set<string>> {
  const rows = await findByIds(models.segmentMemberships, rowIds, { _id: 1 });
  return new Set(rows.map((row) => String(row._id)));
}

/** A profile that no longer matches leaves the segment: its row goes, by `_id`. */
export const leaveSegment = async (models: Collections, rowId: string): Promise<void> => {
  await models.segmentMemberships.deleteOne({ _id: rowId });
};

/** The most segments one list answers. */
const LIST_LIMIT = 1_000;

/** Segments by name (at most 1,000). */
export const listSegmentRecords = (models: Collections): Promise<SegmentRecord[]> =>
  models.segments.find({}).sort({ name: 1 }).limit(LIST_LIMIT).toArray();

/** A segment by id, or null. */
export const findSegmentById = (models: Collections, id: string): Promise<SegmentRecord | null> =>
  models.segments.findOne({ _id: id });

/** These segments by id (one `$in` read per 500 ids); unknown ids are left out. */
export const findSegmentsByIds = (
  models: Collections,
  ids: readonly string[],
): Promise<SegmentRecord[]> => findByIds(models.segments, ids);

/** Every segment's id (journey validation checks references against them). */
export const listSegmentIds = async (models: Collections): Promise<string[]> =>
  (await models.segments.find({}, { projection: { _id: 1 } }).toArray()).map((s) => s._id);

/** Stores a new segment (build it with `newSegment`). */
export const insertSegment = async (models: Collections, segment: SegmentRecord): Promise<void> => {
  await models.segments.insertOne(segment);
};

/** Stores a segment unless one with its id exists (that one is left as it is). */
export const insertSegmentIfAbsent = async (
  models: Collections,
  segment: SegmentRecord,
): Promise<void> => {
  await models.segments.updateOne(
    { _id: segment._id },
    { $setOnInsert: segment },
    { upsert: true },
  );
};

/** The fields a segment save replaces. */
export type SegmentFields = Pick<SegmentRecord, "name" | "description" | "condition">;

/** Replaces a segment's name, description and condition. */
export const saveSegment = async (
  models: Collections,
  id: string,
  fields: SegmentFields,
): Promise<void> => {
  await models.segments.updateOne({ _id: id }, { $set: { ...fields, updatedAt: new Date() } });
};

/** Deletes a segment (the caller checked that no journey refers to it). */
export const deleteSegmentById = async (models: Collections, id: string): Promise<void> => {
  await models.segments.deleteOne({ _id: id });
};
