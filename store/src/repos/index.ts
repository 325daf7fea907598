export {
  recordEnrolmentStarted,
  applyEnrolmentProgress,
  activeEnrolmentWorkflows,
  type EnrolmentIdentity,
  type EnrolmentProgress,
} from "./enrolments.js";
export {
  findJourneyById,
  listJourneyRecords,
  insertJourney,
  saveJourneyDraft,
  setJourneyStatus,
  markJourneyLive,
  deleteJourneyAndData,
  freezeJourneyVersion,
  listJourneyVersions,
  findJourneyVersion,
  addExperimentDecision,
  listUnarchivedDrafts,
  listLiveTriggers,
  insertJourneyIfAbsent,
  type JourneyDraft,
  type JourneyDraftRef,
  type LiveJourneyTrigger,
  type FrozenVersion,
  type JourneyVersionSummary,
} from "./journeys.js";
export {
  findMessageByKey,
  writeMessageStatus,
  newMessage,
  readCascadeMessages,
  findMessageById,
  findMessageByProviderId,
  appendMessageStatus,
  listMessagePage,
  type CascadeMessage,
  type MessageFields,
  type MessageQuery,
  type MessagePosition,
} from "./messages.js";
export {
  incrementNodeStats,
  readJourneyNodeStats,
  readNodeStats,
  readEntryCounters,
  type EntryCounters,
} from "./node-stats.js";
export {
  enterSegment,
  existingMemberships,
  leaveSegment,
  readMembers,
  listSegmentRecords,
  findSegmentById,
  findSegmentsByIds,
  listSegmentIds,
  insertSegment,
  insertSegmentIfAbsent,
  saveSegment,
  deleteSegmentById,
  type MemberRow,
  type SegmentFields,
} from "./segments.js";
export {
  readSweepState,
  recordSweep,
  giveBackMembership,
  removeMembershipsBefore,
} from "./segment-sweeps.js";
export { previewAudience, matchingProfileIds, profilesByIds } from "./audience.js";
export {
  insertOutboxEntries,
  insertEvents,
  dropOutboxEntries,
  claimLapsedEntries,
  eventsOfEntries,
  sampledEventNames,
} from "./events.js";
export {
  onProfilesInTurn,
  readCountedProfiles,
  createProfiles,
  writeCountedProfiles,
  findProfile,
  profileById,
  profileByAddress,
  updateProfile,
  searchProfiles,
  profileHistory,
  type ProfileSearch,
  type CountedProfile,
  type CountedWrite,
} from "./profiles.js";
export { linkIdentity, pointAliases, profileIdsForAnonymous } from "./identity.js";
export {
  readWorkspaceSettings,
  updateWorkspaceSettings,
  ensureTrackingSecret,
} from "./settings.js";
export {
  readAnalyticsTotals,
  type AnalyticsTotals,
  type StatusSum,
  type ChannelStatusSum,
} from "./analytics.js";
export { eraseProfileRecords, eraseLateWrites, type ErasedCounts } from "./erase.js";
export { issueLinkToken, redeemLinkToken } from "./link-tokens.js";
export {
  readProfileJourneys,
  recordJourneyEntered,
  unlistRunningEnrolments,
} from "./profile-journeys.js";
export { readRecentMarketingSends, rememberMarketingSend } from "./recent-sends.js";
export { claimEntrySlot, entryWindows, releaseEntrySlot } from "./entry-counters.js";
export { importHistory, type HistoryImport } from "./imports.js";
export { changeProfileAttributes, type AttributeChanges } from "./profile-attributes.js";
export {
  recordAssignment,
  recordAssignments,
  countGoalConversions,
  readArmCounters,
  deleteJourneyExperiments,
  type NewAssignment,
  type GoalEventInput,
  type ArmCounters,
} from "./experiments.js";
export { appendAudit, auditOf, listAudit, type AuditFilter, type NewAuditEntry } from "./audit.js";
export {
  insertInvitedUser,
  findUserById,
  findUserByEmail,
  listUsers,
  updateUser,
  deleteUserById,
  issueUserLink,
  redeemUserLink,
  findUsableUserLink,
} from "./users.js";
export { insertSession, findLiveSession, revokeSession, revokeUserSessions } from "./sessions.js";
export { insertApiKey, listApiKeys, findActiveApiKey, revokeApiKey } from "./api-keys.js";
export {
  insertApproval,
  listApprovals,
  findApproval,
  decideApproval,
  approvalsRequired,
  setApprovalsRequired,
} from "./approvals.js";
export {
  listMessageTemplates,
  findMessageTemplate,
  insertMessageTemplate,
  saveMessageTemplate,
  deleteMessageTemplate,
  type MessageTemplateFields,
} from "./templates.js";
export {
  SNIPPET_LIMIT,
  listSnippets,
  snippetBodies,
  findSnippet,
  countSnippets,
  insertSnippet,
  saveSnippet,
  deleteSnippet,
  type SnippetFields,
  type SnippetWrite,
} from "./snippets.js";
export { EXPORT_LIMIT, streamMatchingProfiles, streamMessages } from "./exports.js";
