import { countGoalConversions, type Collections, type EventRecord } from "@omnijourney/store";

/**
 * Experiment conversions of ingested events: each goal event converts, once, the experiment assignments of its
 * profile whose window holds its time (docs/runtime.md, "Experiment accounting"). Called by the outbox drain
 * before an entry is dropped, so a drain that dies first is repeated, and the claim on the assignment keeps the
 * repeat from counting twice.
 */
export const countExperimentConversions = async (
  db: Collections,
  docs: readonly EventRecord[],
): Promise<void> => {
  await countGoalConversions(
    db,
    docs.map((d) => ({
      profileId: d.profileId,
      event: d.event,
      properties: d.properties,
      timestamp: d.timestamp,
    })),
  );
};
