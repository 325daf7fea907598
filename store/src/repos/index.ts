export {
  recordEnrolmentStarted,
  applyEnrolmentProgress,
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
  type JourneyDraft,
  type FrozenVersion,
  type JourneyVersionSummary,
} from "./journeys.js";
export {
  findMessageByKey,
  writeMessageStatus,
  newMessage,
  readCascadeMessages,
  type CascadeMessage,
  type MessageFields,
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
  type MemberRow,
} from "./segments.js";
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
export { readWorkspaceSettings } from "./settings.js";
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
export { appendAudit, auditOf, type NewAuditEntry } from "./audit.js";
