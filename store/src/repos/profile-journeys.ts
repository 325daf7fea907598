import { onDuplicateKey } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import type { ProfileJourneysRecord } from "../models/per-profile.js";

/** How often a profile entered each journey and its running enrolment workflows, or null before its first. */
export const readProfileJourneys = (
  models: Collections,
  profileId: string,
): Promise<ProfileJourneysRecord | null> => models.profileJourneys.findOne({ _id: profileId });

/**
 * Counts an enrolment of the profile in the journey and lists its workflow as running. An upsert: two first
 * enrolments of a profile that race to create its document fail one on the `_id` key, which then updates the
 * winner's document.
 */
export const recordJourneyEntered = async (
  models: Collections,
  profileId: string,
  journeyId: string,
  workflowId: string,
): Promise<void> => {
  const write = () =>
    models.profileJourneys.updateOne(
      { _id: profileId },
      { $inc: { [`entered.${journeyId}`]: 1 }, $addToSet: { active: workflowId } },
      { upsert: true },
    );
  await onDuplicateKey(write, write);
};

/** These enrolment workflows of the profile run no more: events are signalled to the running ones only. */
export const unlistRunningEnrolments = async (
  models: Collections,
  profileId: string,
  workflowIds: readonly string[],
): Promise<void> => {
  const [only] = workflowIds;
  if (only === undefined) return;
  await models.profileJourneys.updateOne(
    { _id: profileId },
    { $pull: { active: workflowIds.length === 1 ? only : { $in: [...workflowIds] } } },
  );
};
