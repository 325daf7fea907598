export {
  recordEnrolmentStarted,
  applyEnrolmentProgress,
  type EnrolmentIdentity,
  type EnrolmentProgress,
} from "./enrolments.js";
export {
  findMessageByKey,
  writeMessageStatus,
  newMessage,
  type MessageFields,
} from "./messages.js";
export { incrementNodeStats } from "./node-stats.js";
export { joinSegment, readMembers, insertMemberships, type MemberRow } from "./segments.js";
