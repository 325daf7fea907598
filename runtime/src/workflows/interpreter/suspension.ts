import {
  CancellationScope,
  continueAsNew,
  isCancellation,
  sleep,
  workflowInfo,
} from "@temporalio/workflow";
import type { CarriedState, JourneyResult, JourneyWorkflowInput, WaitingFor } from "../types.js";
import type { ProgressBatcher } from "./progress.js";
import type { JourneyRun } from "./run.js";

/** Continue as new well before Temporal's 10,240-event history warning. */
const HISTORY_BUDGET = 4_000;
/** Waits shorter than this do not write the enrolment's waiting state before they start. */
const SHORT_WAIT_MS = 60_000;

type CarriedWait = NonNullable<CarriedState["currentWait"]>;

/** Whether the history is long enough to continue as new. */
export function historyIsLong(): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength > HISTORY_BUDGET;
}

/**
 * Durable waits and continue-as-new: a wait's deadline is kept in the carried state, so a run that
 * continues as new in the middle of a wait resumes the very same wait.
 */
export class Suspension {
  /** The wait in progress: checks whether it is settled and, if so, ends it early. */
  private settleCheck: (() => void) | null = null;

  constructor(
    private readonly run: JourneyRun,
    private readonly progress: ProgressBatcher,
  ) {}

  /**
   * Waits until `untilMs` (epoch ms), until `ready()`, or until a criterion ends the enrolment (throws
   * `Ended`). `step` is the cascade step the wait belongs to.
   */
  async until(
    nodeId: string,
    visit: number,
    untilMs: number,
    what: WaitingFor,
    ready: () => boolean,
    step?: number,
  ): Promise<"ready" | "timeout"> {
    const { run } = this;
    run.waitingFor = what;
    // Short waits are not worth a write of their own: their progress rides on the next activity.
    if (untilMs - Date.now() >= SHORT_WAIT_MS) {
      this.progress.queue({ op: "waiting", nodeId, waitingFor: what });
      await this.progress.flush();
    }
    for (;;) {
      const remaining = untilMs - Date.now();
      const done = await this.timer(
        Math.max(remaining, 1),
        () => run.terminal !== null || ready() || historyIsLong(),
      );
      run.throwIfEnded();
      if (ready()) break;
      if (!done) {
        run.waitingFor = null;
        return "timeout";
      }
      // History is long while we wait (many signals): continue as new and resume this very wait.
      run.state.currentWait = {
        nodeId,
        visit,
        until: untilMs,
        sinceSeq: run.state.currentWait?.sinceSeq ?? 0,
        ...(step !== undefined ? { step } : {}),
      };
      await this.continueAsNew();
    }
    run.waitingFor = null;
    return "ready";
  }

  /**
   * Called after every signal (the only thing that changes what a wait waits for, while it waits): ends the
   * wait in progress when it is settled.
   */
  wake(): void {
    this.settleCheck?.();
  }

  /**
   * A durable timer of `ms` that ends early once `settled()` holds (checked now and on every signal); true
   * when it ended early. Issue 17: `condition(fn, timeout)` cost about a dozen workflow promises per wait
   * (each with a captured stack), this a handful. Same commands, in the same order, as `condition`: a
   * StartTimer now, a CancelTimer when settled before the timer fires (signals are processed before timer
   * fires in an activation, as `condition` re-checks after each job), so recorded histories replay.
   */
  private async timer(ms: number, settled: () => boolean): Promise<boolean> {
    const scope = new CancellationScope({ cancellable: true });
    let woken = false;
    const check = (): void => {
      if (woken || !settled()) return;
      woken = true;
      scope.cancel();
    };
    this.settleCheck = check;
    try {
      await scope.run(() => {
        const fired = sleep(ms);
        check();
        return fired;
      });
    } catch (error) {
      // A cancellation of ours ends the wait early; any other (the workflow cancelled) is the caller's.
      if (!woken || !isCancellation(error)) throw error;
    } finally {
      if (this.settleCheck === check) this.settleCheck = null;
    }
    return woken;
  }

  /** Resumes the wait of this node visit carried over a continue-as-new, else starts a new one. */
  begin(nodeId: string, visit: number, untilMs: number): CarriedWait {
    const { state } = this.run;
    const carried = this.run.carriedWait(nodeId, visit);
    if (carried) return carried;
    state.currentWait = { nodeId, visit, until: untilMs, sinceSeq: state.eventSeq };
    return state.currentWait;
  }

  /** Sleeps on a durable timer until `untilMs` (a wait node, or a send deferred by quiet hours or caps). */
  async sleep(
    nodeId: string,
    visit: number,
    untilMs: number,
    reason: "wait" | "deferred",
  ): Promise<void> {
    const wait = this.begin(nodeId, visit, untilMs);
    await this.until(
      nodeId,
      visit,
      wait.until,
      { kind: "timer", until: new Date(wait.until).toISOString(), reason },
      () => false,
    );
    this.run.state.currentWait = null;
  }

  /** Writes the queued progress and continues as new with the state carried over. */
  async continueAsNew(): Promise<never> {
    await this.progress.flush();
    return continueAsNew<(input: JourneyWorkflowInput) => Promise<JourneyResult>>({
      ...this.run.input,
      carried: this.run.state,
    });
  }
}
