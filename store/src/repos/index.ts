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
export { joinSegment, readMembers, insertMemberships, type MemberRow } from "./segments.js";
export { readWorkspaceSettings } from "./settings.js";
