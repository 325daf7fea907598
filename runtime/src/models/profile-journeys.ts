import { Schema, type Connection, type InferSchemaType, type Model } from "mongoose";

/**
 * One document per profile, keyed by the profile id: how many times it entered each journey and which
 * enrolment workflows are running for it. Enrolling (re-entry rules, entry limits) and delivering an
 * event to running enrolments read it by `_id` instead of querying the growing Enrolment collection
 * (which the embedded FerretDB answers only by scanning it). The Enrolment projection stays the record
 * for analytics and the studio.
 */
export const profileJourneysSchema = new Schema(
  {
    _id: { type: String },
    /** journeyId -> how many enrolments it started for this profile. */
    entered: { type: Schema.Types.Mixed, default: {} },
    /** Workflow ids of the enrolments running now (added at enrolment, removed when one ends). */
    active: { type: [String], default: [] },
  },
  { collection: "profile_journeys", minimize: false, versionKey: false },
);

export type ProfileJourneysDocument = InferSchemaType<typeof profileJourneysSchema>;
export type ProfileJourneysModel = Model<ProfileJourneysDocument>;

export const createProfileJourneysModel = (connection: Connection): ProfileJourneysModel =>
  connection.model<ProfileJourneysDocument>("ProfileJourneys", profileJourneysSchema);

/** How many times a profile entered a journey, from its ProfileJourneys document. */
export const timesEntered = (doc: { entered?: unknown } | null, journeyId: string): number => {
  const entered = doc?.entered;
  if (typeof entered !== "object" || entered === null) return 0;
  const count: unknown = Reflect.get(entered, journeyId);
  return typeof count === "number" ? count : 0;
};
