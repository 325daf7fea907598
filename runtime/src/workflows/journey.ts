/**
 * The journey workflow: interprets a compiled JourneyPlan for one profile, one node at a time, up to
 * the plan's step bound. What a node does lives in its behaviour (interpreter/nodes/<type>.ts, registered
 * in interpreter/behaviours.ts); signals land in the inbox; progress is batched. Deterministic: time comes
 * from the workflow clock, randomness from a stable hash, everything else from activities.
 */
import { CancellationScope, isCancellation, setHandler } from "@temporalio/workflow";
// Values only from the zod-free workflow entry (preloaded once per worker thread, see bundle.ts).
import { toJourneyEvent, type JourneyPlan } from "@omnijourney/shared/workflow";
import { eventSignal, stateQuery } from "./signals.js";
import type { EnrolmentOutcome, JourneyResult, JourneyWorkflowInput } from "./types.js";
import { Conversion } from "./interpreter/conversion.js";
import { enterNode, UnknownNodeType, type NodeDeps } from "./interpreter/dispatch.js";
import { Inbox } from "./interpreter/inbox.js";
import { evaluate } from "./interpreter/evaluate.js";
import { ProgressBatcher } from "./interpreter/progress.js";
import { Ended, JourneyRun, nowIso, type Terminal } from "./interpreter/run.js";
import { historyIsLong, Suspension } from "./interpreter/suspension.js";

/** Path entries kept in the result (simulation); live runs keep none. */
const PATH_LIMIT = 2_000;

export async function journeyWorkflow(input: JourneyWorkflowInput): Promise<JourneyResult> {
  const run = new JourneyRun(input);
  const { plan, state } = run;
  const progress = new ProgressBatcher(run);
  const conversion = new Conversion(run, progress);
  const inbox = new Inbox(run, conversion);
  const suspension = new Suspension(run, progress);
  const deps: NodeDeps = { run, progress, inbox, conversion, suspension };
  const simulation = input.mode === "simulation";
  const exitConditions = plan.settings.exitOn.flatMap((c) =>
    "condition" in c ? [c.condition] : [],
  );
  /** The node entered and not yet left (a wait carried over continue-as-new is still inside its node). */
  let inNode: string | null = state.currentWait?.nodeId ?? null;

  setHandler(eventSignal, (raw) => {
    const event = toJourneyEvent(raw);
    if (event) inbox.receive(event);
    // Even an event that is not one: its arrival lengthened the history, which may end a wait (continue-as-new).
    suspension.wake();
  });
  setHandler(stateQuery, () => ({
    status: run.terminal ? run.terminal.status : "active",
    currentNodeId: state.currentNodeId,
    waitingFor: run.waitingFor,
    steps: state.steps,
    variants: { ...state.variants },
  }));

  const finish = async (result: Terminal): Promise<JourneyResult> => {
    // Ended inside a node (goal, exit criterion, cancellation): it leaves that node without a port.
    if (inNode !== null) {
      const failed: { failed?: true } = result.status === "failed" ? { failed: true } : {};
      progress.queue({ op: "leave", nodeId: inNode, port: null, ...failed });
    }
    inNode = null;
    const status: EnrolmentOutcome =
      result.status === "completed" && state.converted ? "converted" : result.status;
    const reason = result.reason ? { reason: result.reason } : {};
    progress.queue({ op: "end", status, ...reason, at: nowIso() });
    await CancellationScope.nonCancellable(() => progress.flush());
    return {
      outcome: status,
      ...reason,
      steps: state.steps,
      path: state.path,
      variants: state.variants,
    };
  };

  /** Runs nodes until the enrolment ends, the holdout is reached or the step bound stops it. */
  const interpret = async (): Promise<Terminal | "holdout"> => {
    // Carried events from before a continue-as-new are already in the inbox.
    for (;;) {
      if (run.terminal) return run.terminal;
      if (state.steps >= plan.maxSteps)
        return { status: "failed", reason: `stopped after ${plan.maxSteps} steps (plan.maxSteps)` };
      if (historyIsLong()) await suspension.continueAsNew();
      const nodeId = state.currentNodeId;
      const node = nodeId === null ? undefined : plan.nodes[nodeId];
      if (!node || nodeId === null)
        return { status: "failed", reason: `unknown node ${String(nodeId)}` };
      if (
        exitConditions.length > 0 &&
        (await evaluate(deps, { conditions: exitConditions }, false)) >= 0
      )
        return { status: state.converted ? "converted" : "exited", reason: "exit condition" };
      const resuming = state.currentWait?.nodeId === nodeId;
      const visit = resuming ? (state.visits[nodeId] ?? 1) : (state.visits[nodeId] ?? 0) + 1;
      if (!resuming) {
        state.visits[nodeId] = visit;
        progress.queue({ op: "enter", nodeId, at: nowIso() });
        inNode = nodeId;
        if (!state.visited.includes(nodeId)) state.visited.push(nodeId);
        if (simulation && state.path.length < PATH_LIMIT) state.path.push({ nodeId, at: nowIso() });
      }
      const entered = enterNode(deps, node, visit);
      const port = typeof entered === "string" || entered === null ? entered : await entered;
      if (simulation) {
        const last = state.path[state.path.length - 1];
        if (last && last.nodeId === nodeId) last.port = port;
      }
      progress.queue({ op: "leave", nodeId, port });
      inNode = null;
      if (port !== null) {
        const key = `${nodeId}\u0000${port}`;
        if (!state.portsTaken.includes(key)) state.portsTaken.push(key);
      }
      state.steps += 1;
      // The holdout receives nothing more (it still counts a conversion within the goal window, below).
      if (state.holdout) return "holdout";
      const next = port === null ? null : (node.next[port] ?? null);
      if (next === null) return { status: "completed" };
      state.currentNodeId = next;
    }
  };

  try {
    const ended = await interpret();
    if (run.terminal) return await finish(run.terminal);
    if (ended !== "holdout") {
      run.terminal = ended;
      return await finish(ended);
    }
    const { goal, deadline } = conversion;
    if (goal && !state.converted && Date.now() < deadline) {
      // Throws Ended when the goal (converted) or an exit event ends the wait.
      await suspension.until(
        state.currentNodeId ?? "",
        0,
        deadline,
        { kind: "timer", until: new Date(deadline).toISOString(), reason: "goal_window" },
        () => false,
      );
    }
    return await finish({ status: "completed", reason: "holdout" });
  } catch (error) {
    if (error instanceof Ended) return await finish(run.terminal ?? { status: "exited" });
    if (isCancellation(error)) return await finish({ status: "cancelled", reason: "cancelled" });
    if (error instanceof UnknownNodeType)
      return await finish({ status: "failed", reason: error.message });
    throw error;
  }
}

/** Re-exported for the simulation workflow's typing. */
export type { JourneyPlan };
