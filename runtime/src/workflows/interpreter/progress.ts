import type { ProgressBatch, ProgressOp } from "../types.js";
import { activities, local } from "./proxies.js";
import type { JourneyRun } from "./run.js";

/**
 * The live view's allowed lag (docs/runtime.md, "Enrolment projection and counters"): queued progress
 * rides on an activity once its oldest op is this old, or when a wait at least this long may follow the
 * activity; otherwise it waits for a later activity, the flush before a long wait or continue-as-new, or
 * the end. A journey that runs through within this lag is written once, at its end. The studio polls
 * node counts as often.
 */
export const PROGRESS_LAG_MS = 2_000;

/**
 * Progress ops (enter, leave, waiting, variant, convert, end) queued in the carried state and written in
 * batches: on the next activity when due, or on their own by `flush`.
 */
export class ProgressBatcher {
  /** Workflow time of the oldest queued op (ops carried over continue-as-new: this run's start). */
  private pendingSince: number | null;

  constructor(private readonly run: JourneyRun) {
    this.pendingSince = run.state.pendingProgress.length > 0 ? Date.now() : null;
  }

  queue(op: ProgressOp): void {
    const { state } = this.run;
    if (state.pendingProgress.length === 0) this.pendingSince = Date.now();
    state.pendingProgress.push(op);
  }

  /** Takes all queued ops as one batch. */
  private take(): ProgressBatch | undefined {
    const { state, enrolment } = this.run;
    if (state.pendingProgress.length === 0) return undefined;
    state.progressSeq += 1;
    const batch = {
      enrolment,
      seq: state.progressSeq,
      ops: state.pendingProgress,
      startedAt: state.startedAt,
    };
    state.pendingProgress = [];
    this.pendingSince = null;
    return batch;
  }

  /**
   * The batch to piggyback on the activity about to be scheduled: the queued ops once the oldest has
   * waited PROGRESS_LAG_MS, or when a wait of at least that long may follow the activity (`waitFollows`),
   * else none. Only activity input changes, never the commands, so histories recorded when every activity
   * carried the queue still replay.
   */
  due(waitFollows: boolean): ProgressBatch | undefined {
    return this.pendingSince !== null &&
      (waitFollows || Date.now() - this.pendingSince >= PROGRESS_LAG_MS)
      ? this.take()
      : undefined;
  }

  /** Writes the queued ops now, through the activity kind the input asks for. */
  async flush(): Promise<void> {
    const batch = this.take();
    if (!batch) return;
    if (this.run.input.progressVia === "activity") await activities.recordProgress(batch);
    else await local.recordProgress(batch);
  }
}
