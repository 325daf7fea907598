import { insertedDespiteDuplicates, onDuplicateKey } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import {
  segmentMembershipRow,
  type MembershipKey,
  type SegmentMembershipRecord,
} from "../models/segment.js";

/**
 * Records that a profile entered a journey's segment; resolves true only for the call that created the row, the
 * one that may enrol. Keyed by `_id`: a lookup on every engine (0007). A row from before `_id` keys exists under
 * another `_id` and fails on the unique (journey, segment, profile) index: not new either.
 */
export const joinSegment = (
  models: Collections,
  key: MembershipKey,
  profileId: string,
  enteredAt: Date,
): Promise<boolean> =>
  onDuplicateKey(
    async () => {
      await models.segmentMemberships.insertOne(segmentMembershipRow(key, profileId, enteredAt));
      return true;
    },
    async () => false,
  );

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
 * Creates membership rows for profiles not yet in the segment and resolves the profile ids whose row this call
 * created: only those may be enrolled. A row that exists already (written meanwhile by the API's fan-out or by an
 * earlier attempt) fails on the unique (journey, segment, profile) key and is left out.
 *
 * Plain inserts rather than upserts: on the embedded engine every upsert filter scans the collection
 * (engine/capabilities.ts), so entering N profiles by upsert costs N scans; inserts are checked by the unique
 * index alone.
 */
export async function insertMemberships(
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
