import type { Collection, Db } from "mongodb";
import { auditCollection, type AuditRecord } from "./audit.js";
import { bind, type CollectionDeclaration } from "./declaration.js";
import { enrolmentCollection, type EnrolmentRecord } from "./enrolment.js";
import { entryCounterCollection, type EntryCounterRecord } from "./entry-counter.js";
import {
  experimentArmStatCollection,
  experimentAssignmentCollection,
  profileExperimentsCollection,
  type ExperimentArmStatRecord,
  type ExperimentAssignmentRecord,
  type ProfileExperimentsRecord,
} from "./experiment.js";
import { eventCollection, outboxCollection, type EventRecord, type OutboxRecord } from "./event.js";
import {
  journeyCollection,
  journeyVersionCollection,
  type JourneyRecord,
  type JourneyVersionRecord,
} from "./journey.js";
import { linkTokenCollection, type LinkTokenRecord } from "./link-token.js";
import { messageCollection, type MessageRecord } from "./message.js";
import { nodeStatCollection, type NodeStatRecord } from "./node-stat.js";
import {
  identityAliasCollection,
  profileJourneysCollection,
  recentSendsCollection,
  type IdentityAliasRecord,
  type ProfileJourneysRecord,
  type RecentSendsRecord,
} from "./per-profile.js";
import { profileCollection, type ProfileRecord } from "./profile.js";
import {
  segmentCollection,
  segmentMembershipCollection,
  segmentSweepStateCollection,
  type SegmentMembershipRecord,
  type SegmentRecord,
  type SegmentSweepStateRecord,
} from "./segment.js";
import { settingsCollection, type SettingsRecord } from "./settings.js";
import {
  messageTemplateCollection,
  snippetCollection,
  type MessageTemplateRecord,
  type SnippetRecord,
} from "./template.js";
import {
  apiKeyCollection,
  approvalCollection,
  sessionCollection,
  userCollection,
  userLinkCollection,
  type ApiKeyRecord,
  type ApprovalRecord,
  type SessionRecord,
  type UserLinkRecord,
  type UserRecord,
} from "./team.js";

/** Every collection of the product, typed by its document (one model layer: the MongoDB driver, decision 0008). */
export type Collections = {
  raw: Db;
  profiles: Collection<ProfileRecord>;
  events: Collection<EventRecord>;
  outbox: Collection<OutboxRecord>;
  messages: Collection<MessageRecord>;
  enrolments: Collection<EnrolmentRecord>;
  profileJourneys: Collection<ProfileJourneysRecord>;
  recentSends: Collection<RecentSendsRecord>;
  identityAliases: Collection<IdentityAliasRecord>;
  journeys: Collection<JourneyRecord>;
  journeyVersions: Collection<JourneyVersionRecord>;
  segments: Collection<SegmentRecord>;
  segmentMemberships: Collection<SegmentMembershipRecord>;
  segmentSweeps: Collection<SegmentSweepStateRecord>;
  settings: Collection<SettingsRecord>;
  linkTokens: Collection<LinkTokenRecord>;
  nodeStats: Collection<NodeStatRecord>;
  experimentAssignments: Collection<ExperimentAssignmentRecord>;
  profileExperiments: Collection<ProfileExperimentsRecord>;
  experimentArmStats: Collection<ExperimentArmStatRecord>;
  audit: Collection<AuditRecord>;
  users: Collection<UserRecord>;
  userLinks: Collection<UserLinkRecord>;
  sessions: Collection<SessionRecord>;
  apiKeys: Collection<ApiKeyRecord>;
  approvals: Collection<ApprovalRecord>;
  messageTemplates: Collection<MessageTemplateRecord>;
  snippets: Collection<SnippetRecord>;
  entryCounters: Collection<EntryCounterRecord>;
};

const declarations: readonly CollectionDeclaration[] = [
  profileCollection,
  eventCollection,
  outboxCollection,
  messageCollection,
  enrolmentCollection,
  profileJourneysCollection,
  recentSendsCollection,
  identityAliasCollection,
  journeyCollection,
  journeyVersionCollection,
  segmentCollection,
  segmentMembershipCollection,
  segmentSweepStateCollection,
  settingsCollection,
  linkTokenCollection,
  nodeStatCollection,
  experimentAssignmentCollection,
  profileExperimentsCollection,
  experimentArmStatCollection,
  auditCollection,
  userCollection,
  userLinkCollection,
  sessionCollection,
  apiKeyCollection,
  approvalCollection,
  messageTemplateCollection,
  snippetCollection,
  entryCounterCollection,
];

const bound = new WeakMap<Db, Collections>();

/** Every collection of a database; calling it again for the same database returns the same object. */
export function collections(db: Db): Collections {
  let known = bound.get(db);
  if (!known) {
    known = {
      raw: db,
      profiles: bind(db, profileCollection),
      events: bind(db, eventCollection),
      outbox: bind(db, outboxCollection),
      messages: bind(db, messageCollection),
      enrolments: bind(db, enrolmentCollection),
      profileJourneys: bind(db, profileJourneysCollection),
      recentSends: bind(db, recentSendsCollection),
      identityAliases: bind(db, identityAliasCollection),
      journeys: bind(db, journeyCollection),
      journeyVersions: bind(db, journeyVersionCollection),
      segments: bind(db, segmentCollection),
      segmentMemberships: bind(db, segmentMembershipCollection),
      segmentSweeps: bind(db, segmentSweepStateCollection),
      settings: bind(db, settingsCollection),
      linkTokens: bind(db, linkTokenCollection),
      nodeStats: bind(db, nodeStatCollection),
      experimentAssignments: bind(db, experimentAssignmentCollection),
      profileExperiments: bind(db, profileExperimentsCollection),
      experimentArmStats: bind(db, experimentArmStatCollection),
      audit: bind(db, auditCollection),
      users: bind(db, userCollection),
      userLinks: bind(db, userLinkCollection),
      sessions: bind(db, sessionCollection),
      apiKeys: bind(db, apiKeyCollection),
      approvals: bind(db, approvalCollection),
      messageTemplates: bind(db, messageTemplateCollection),
      snippets: bind(db, snippetCollection),
      entryCounters: bind(db, entryCounterCollection),
    };
    bound.set(db, known);
  }
  return known;
}

/**
 * Creates every declared index (unique keys are what make writes idempotent, so await this at start). The names
 * and options are the ones mongoose created, so an existing database finds its indexes already there. One index
 * per command, as mongoose sent them: the embedded engine fails a multi-index `createIndexes` whose indexes exist
 * already (engine/capabilities.ts).
 */
export async function ensureIndexes(db: Db): Promise<void> {
  for (const declaration of declarations)
    for (const { key, name, unique } of declaration.indexes)
      await db
        .collection(declaration.name)
        .createIndex(key, { name, ...(unique ? { unique } : {}) });
}

export { type CollectionDeclaration, type IndexDeclaration } from "./declaration.js";
export * from "./audit.js";
export * from "./enrolment.js";
export * from "./entry-counter.js";
export * from "./event.js";
export * from "./experiment.js";
export * from "./ids.js";
export * from "./journey.js";
export * from "./link-token.js";
export * from "./message.js";
export * from "./node-stat.js";
export * from "./per-profile.js";
export * from "./profile.js";
export * from "./segment.js";
export * from "./settings.js";
export * from "./team.js";
export * from "./template.js";
