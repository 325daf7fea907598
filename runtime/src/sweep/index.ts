/** The segment sweep: a Temporal Schedule that enrols profiles entering time-based segments (docs/runtime.md). */
export { createSweepActivities, type SweepDeps, type SweepLogger } from "./activity.js";
export {
  ensureSegmentSweepSchedule,
  deleteSegmentSweepSchedule,
  parseSweepEvery,
  segmentSweepScheduleId,
  SEGMENT_SWEEP_SCHEDULE_ID,
  DEFAULT_SEGMENT_SWEEP_EVERY,
  type SegmentSweepScheduleOptions,
} from "./schedule.js";
export type { SegmentSweepActivities, SegmentSweepResult } from "../workflows/segment-sweep.js";
