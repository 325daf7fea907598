import { onDuplicateKey, segmentMembershipRow, type MembershipKey } from "@omnijourney/runtime";
import type { Collections } from "./collections.js";

/**
 * Records that a profile entered a journey's segment; resolves true only for the call that created the row, the
 * one that may enrol. Keyed by `_id`: a lookup on the embedded FerretDB (0007). A row from before `_id` keys
 * exists under another `_id` and fails on the unique (journey, segment, profile) index: not new either.
 */
export const joinSegment = (
  db: Collections,
  key: MembershipKey,
  profileId: string,
  enteredAt: Date,
): Promise<boolean> =>
  onDuplicateKey(
    async () => {
      await db.segmentMemberships.insertOne(segmentMembershipRow(key, profileId, enteredAt));
      return true;
    },
    async () => false,
  );
