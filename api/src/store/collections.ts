import type { Collection, Db, Document } from "mongodb";
import type { Models } from "@omnijourney/runtime";
import type {
  EventDoc,
  IdentityAliasDoc,
  OutboxDoc,
  ProfileDoc,
  ProfileJourneysDoc,
  RecentSendsDoc,
  SegmentMembershipDoc,
} from "./types.js";

/** Documents keyed by the runtime's string ids (`j_…`, `s_…`, "workspace"). */
export type StringIdDoc = Document & { _id: string };

/**
 * Native driver collections over the runtime's models (same collection names, same documents). The API
 * uses the driver directly for bulk and hot paths; indexes come from the models (`ensureIndexes`).
 */
export type Collections = {
  raw: Db;
  profiles: Collection<ProfileDoc>;
  events: Collection<EventDoc>;
  outbox: Collection<OutboxDoc>;
  messages: Collection<Document>;
  enrolments: Collection<Document>;
  profileJourneys: Collection<ProfileJourneysDoc>;
  recentSends: Collection<RecentSendsDoc>;
  identityAliases: Collection<IdentityAliasDoc>;
  journeys: Collection<StringIdDoc>;
  journeyVersions: Collection<Document>;
  segments: Collection<StringIdDoc>;
  settings: Collection<StringIdDoc>;
  linkTokens: Collection<Document>;
  segmentMemberships: Collection<SegmentMembershipDoc>;
  nodeStats: Collection<Document>;
};

export const collections = (db: Db, models: Models): Collections => {
  const named = <T extends Document = Document>(model: {
    collection: { collectionName: string };
  }) => db.collection<T>(model.collection.collectionName);
  return {
    raw: db,
    profiles: named<ProfileDoc>(models.Profile),
    events: named<EventDoc>(models.Event),
    outbox: db.collection<OutboxDoc>("event_outbox"),
    messages: named(models.Message),
    enrolments: named(models.Enrolment),
    profileJourneys: named<ProfileJourneysDoc>(models.ProfileJourneys),
    recentSends: named<RecentSendsDoc>(models.RecentSends),
    identityAliases: named<IdentityAliasDoc>(models.IdentityAlias),
    journeys: named<StringIdDoc>(models.Journey),
    journeyVersions: named(models.JourneyVersion),
    segments: named<StringIdDoc>(models.Segment),
    settings: named<StringIdDoc>(models.Settings),
    linkTokens: named(models.LinkToken),
    segmentMemberships: named<SegmentMembershipDoc>(models.SegmentMembership),
    nodeStats: named(models.NodeStat),
  };
};
