/**
 * The journey workflow: interprets a compiled JourneyPlan for one profile. Control-flow nodes (waits,
 * branches evaluated through activities, splits, cascade, goal, exit) are interpreted here; activity
 * nodes (messages, profile updates, custom types) run through `runNode`. Deterministic: time comes from
 * the workflow clock, randomness from a stable hash, everything else from activities.
 */
import {
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from "@temporalio/workflow";
// Values only from the zod-free workflow entry (preloaded once per worker thread, see bundle.ts);
// types from the package index, erased at build.
import {
  assignVariant,
  contentStrings,
  durationToMs,
  matchesProperties,
  toJourneyEvent,
} from "@omnijourney/shared/workflow";
import type {
  branchCondition,
  branchMulti,
  ConfigOf,
  experimentSplit,
  goal as goalNode,
  JourneyEvent,
  messageCascade,
  segmentSplit,
  waitDuration,
  waitEvent,
  waitUntil,
  Condition,
  JourneyPlan,
  PlanNode,
  PropertyCondition,
} from "@omnijourney/shared";
import { eventSignal, stateQuery } from "./signals.js";
import type {
  CarriedState,
  EnrolmentOutcome,
  EnrolmentRef,
  JourneyActivities,
  JourneyResult,
  JourneyWorkflowInput,
  ProgressBatch,
  ProgressOp,
  SendPolicy,
  WaitingFor,
} from "./types.js";

const activities = proxyActivities<JourneyActivities>({
  // Short enough that a send lost with a crashed worker is retried soon; providers time out sooner.
  startToCloseTimeout: "30 seconds",
  retry: {
    initialInterval: "1 second",
    maximumInterval: "1 minute",
    backoffCoefficient: 2,
    maximumAttempts: 12,
  },
});
const local = proxyLocalActivities<JourneyActivities>({
  startToCloseTimeout: "30 seconds",
  retry: { initialInterval: "1 second", maximumInterval: "30 seconds", maximumAttempts: 10 },
});

/** Continue as new well before Temporal's 10,240-event history warning. */
const HISTORY_BUDGET = 4_000;
/** Most events kept for waits; older unconsumed events are dropped (they can no longer match a wait). */
const INBOX_LIMIT = 200;
/** Most deferrals (quiet hours, caps) of one node visit before the node is given up. */
const MAX_DEFERRALS = 50;
/** Waits shorter than this do not write the enrolment's waiting state before they start. */
const SHORT_WAIT_MS = 60_000;
/**
 * The live view's allowed lag (docs/runtime.md, "Enrolment projection and counters"): queued progress
 * rides on an activity once its oldest op is this old, or when a wait at least this long may follow the
 * activity; otherwise it waits for a later activity, the flush before a long wait or continue-as-new, or
 * the end. A journey that runs through within this lag is written once, at its end. The studio polls
 * node counts as often.
 */
const PROGRESS_LAG_MS = 2_000;
/** Path entries kept in the result (simulation); live runs keep none. */
const PATH_LIMIT = 2_000;

/**
 * A node's config as its type defines it. The compiler stored each config parsed by its node type's
 * schema (defaults applied) when the version was published, so the workflow reads it as that type
 * instead of parsing it again: zod stays out of the workflow bundle.
 */
const configOf = <N>(config: unknown) => config as ConfigOf<N>;
const parse = {
  waitDuration: configOf<typeof waitDuration>,
  waitUntil: configOf<typeof waitUntil>,
  waitEvent: configOf<typeof waitEvent>,
  cascade: configOf<typeof messageCascade>,
  goal: configOf<typeof goalNode>,
  branch: configOf<typeof branchCondition>,
  multi: configOf<typeof branchMulti>,
  segment: configOf<typeof segmentSplit>,
  experiment: configOf<typeof experimentSplit>,
};

type Terminal = { status: EnrolmentOutcome; reason?: string };

/** Thrown inside the interpreter when a criterion ended the enrolment while a node was running. */
class Ended extends Error {}

function freshState(startedAt: string, triggerNodeId: string): CarriedState {
  return {
    currentNodeId: triggerNodeId,
    steps: 0,
    visits: {},
    startedAt,
    inbox: [],
    eventSeq: 0,
    currentWait: null,
    converted: null,
    variants: {},
    visited: [],
    portsTaken: [],
    path: [],
    progressSeq: 0,
    pendingProgress: [],
    holdout: false,
  };
}

function propertiesMatch(where: unknown, properties: Record<string, unknown>): boolean {
  if (where === undefined || where === null) return true;
  // `where` was validated as a PropertyCondition when the plan was compiled.
  return matchesProperties(where as PropertyCondition, properties, new Date());
}

export async function journeyWorkflow(input: JourneyWorkflowInput): Promise<JourneyResult> {
  const { plan } = input;
  const info = workflowInfo();
  const enrolment: EnrolmentRef = {
    journeyId: input.journeyId,
    version: input.version,
    profileId: input.profileId,
    workflowId: info.workflowId,
    enrolmentId: `${info.workflowId}/${info.firstExecutionRunId}`,
  };
  const state: CarriedState =
    input.carried ?? freshState(new Date().toISOString(), plan.triggerNodeId);
  const policy: SendPolicy = {
    respectQuietHours: plan.settings.respectQuietHours,
    frequencyCapped: plan.settings.frequencyCapped,
  };
  const simulation = input.mode === "simulation";
  let terminal: Terminal | null = null;
  let waitingFor: WaitingFor = null;
  /** The node entered and not yet left (a wait carried over continue-as-new is still inside its node). */
  let inNode: string | null = state.currentWait?.nodeId ?? null;
  const startedAtMs = new Date(state.startedAt).getTime();
  const goal = plan.settings.goal;
  const goalDeadline = goal ? startedAtMs + durationToMs(goal.within) : 0;
  const exitEvents = plan.settings.exitOn.flatMap((c) => ("event" in c ? [c] : []));
  const exitConditions = plan.settings.exitOn.flatMap((c) =>
    "condition" in c ? [c.condition] : [],
  );

  const nowIso = () => new Date().toISOString();
  /** Workflow time of the oldest queued progress op (ops carried over continue-as-new: this run's start). */
  let pendingSince: number | null = state.pendingProgress.length > 0 ? Date.now() : null;
  const queue = (op: ProgressOp) => {
    if (state.pendingProgress.length === 0) pendingSince = Date.now();
    state.pendingProgress.push(op);
  };
  /** Takes all queued progress ops as one batch (flushes). */
  const takeProgress = (): ProgressBatch | undefined => {
    if (state.pendingProgress.length === 0) return undefined;
    state.progressSeq += 1;
    const batch = {
      enrolment,
      seq: state.progressSeq,
      ops: state.pendingProgress,
      startedAt: state.startedAt,
    };
    state.pendingProgress = [];
    pendingSince = null;
    return batch;
  };
  /**
   * The batch to piggyback on the activity about to be scheduled: the queued ops once the oldest has
   * waited PROGRESS_LAG_MS, or when a wait of at least that long may follow the activity (`waitFollows`),
   * else none. Only activity input changes, never the commands, so histories recorded when every activity
   * carried the queue still replay.
   */
  const dueProgress = (waitFollows: boolean): ProgressBatch | undefined =>
    pendingSince !== null && (waitFollows || Date.now() - pendingSince >= PROGRESS_LAG_MS)
      ? takeProgress()
      : undefined;
  /** Whether entering `nodeId` may start a wait of at least PROGRESS_LAG_MS. */
  const startsWait = (nodeId: string | null | undefined): boolean => {
    const node = nodeId ? plan.nodes[nodeId] : undefined;
    switch (node?.type) {
      case "wait.duration":
        return durationToMs(parse.waitDuration(node.config)) >= PROGRESS_LAG_MS;
      case "wait.event":
        return durationToMs(parse.waitEvent(node.config).timeout) >= PROGRESS_LAG_MS;
      case "wait.until":
      case "message.cascade":
        return true;
      default:
        return false;
    }
  };
  /** Whether a wait of at least PROGRESS_LAG_MS may follow `node`, on any of its ports. */
  const waitAfter = (node: PlanNode): boolean => Object.values(node.next).some(startsWait);
  const flush = async () => {
    const batch = takeProgress();
    if (!batch) return;
    if (input.progressVia === "activity") await activities.recordProgress(batch);
    else await local.recordProgress(batch);
  };

  const convert = (event: JourneyEvent, revenueProperty: string | undefined) => {
    if (state.converted) return;
    const raw = revenueProperty ? event.properties[revenueProperty] : undefined;
    const revenue =
      typeof raw === "number"
        ? raw
        : typeof raw === "string" && raw.trim() !== "" && Number.isFinite(Number(raw))
          ? Number(raw)
          : 0;
    state.converted = { at: nowIso(), revenue };
    queue({
      op: "convert",
      at: state.converted.at,
      revenue,
      nodes: [...state.visited],
      ports: state.portsTaken.map((key) => {
        const [nodeId = "", port = ""] = key.split("\u0000");
        return { nodeId, port };
      }),
    });
  };

  /** Goal and exit criteria react to every event, at any node. */
  const onEvent = (event: JourneyEvent) => {
    if (terminal) return;
    for (const criterion of exitEvents) {
      if (criterion.event === event.event && propertiesMatch(criterion.where, event.properties)) {
        terminal = {
          status: state.converted ? "converted" : "exited",
          reason: `exit event ${event.event}`,
        };
        return;
      }
    }
    if (
      goal &&
      !state.converted &&
      goal.event === event.event &&
      Date.now() <= goalDeadline &&
      propertiesMatch(goal.where, event.properties)
    ) {
      convert(event, goal.revenueProperty);
      terminal = { status: "converted", reason: `goal ${goal.event}` };
      return;
    }
    state.eventSeq += 1;
    state.inbox.push({ seq: state.eventSeq, event });
    if (state.inbox.length > INBOX_LIMIT) state.inbox.splice(0, state.inbox.length - INBOX_LIMIT);
  };

  setHandler(eventSignal, (raw) => {
    const event = toJourneyEvent(raw);
    if (event) onEvent(event);
  });
  setHandler(stateQuery, () => ({
    status: terminal ? terminal.status : "active",
    currentNodeId: state.currentNodeId,
    waitingFor,
    steps: state.steps,
    variants: { ...state.variants },
  }));

  /** Index of the first inbox event after `sinceSeq` that matches, consuming it. */
  const takeEvent = (
    sinceSeq: number,
    matches: (e: JourneyEvent) => boolean,
  ): JourneyEvent | null => {
    const index = state.inbox.findIndex((entry) => entry.seq > sinceSeq && matches(entry.event));
    if (index < 0) return null;
    const [entry] = state.inbox.splice(index, 1);
    return entry?.event ?? null;
  };

  /**
   * Waits until `until` (epoch ms) or until `ready()` or a terminal criterion. The deadline is kept in
   * the carried state so a continue-as-new in the middle resumes the same wait.
   */
  const waitFor = async (
    nodeId: string,
    visit: number,
    untilMs: number,
    what: WaitingFor,
    ready: () => boolean,
    step?: number,
  ): Promise<"ready" | "timeout"> => {
    waitingFor = what;
    // Short waits are not worth a write of their own: their progress rides on the next activity.
    if (untilMs - Date.now() >= SHORT_WAIT_MS) {
      queue({ op: "waiting", nodeId, waitingFor: what });
      await flush();
    }
    for (;;) {
      const remaining = untilMs - Date.now();
      const done = await condition(
        () =>
          terminal !== null ||
          ready() ||
          workflowInfo().continueAsNewSuggested ||
          workflowInfo().historyLength > HISTORY_BUDGET,
        Math.max(remaining, 1),
      );
      if (terminal) throw new Ended();
      if (ready()) break;
      if (!done) {
        waitingFor = null;
        return "timeout";
      }
      // History is long while we wait (many signals): continue as new and resume this very wait.
      state.currentWait = {
        nodeId,
        visit,
        until: untilMs,
        sinceSeq: state.currentWait?.sinceSeq ?? 0,
        ...(step !== undefined ? { step } : {}),
      };
      await continueAsNewNow();
    }
    waitingFor = null;
    return "ready";
  };

  const continueAsNewNow = async (): Promise<never> => {
    await flush();
    return continueAsNew<typeof journeyWorkflow>({ ...input, carried: state });
  };

  /** Resumes a wait carried over a continue-as-new, else starts a new one. */
  const beginWait = (
    nodeId: string,
    visit: number,
    untilMs: number,
  ): { until: number; sinceSeq: number; step?: number } => {
    const carried = state.currentWait;
    if (carried && carried.nodeId === nodeId && carried.visit === visit) return carried;
    state.currentWait = { nodeId, visit, until: untilMs, sinceSeq: state.eventSeq };
    return state.currentWait;
  };

  const sleepUntil = async (
    nodeId: string,
    visit: number,
    untilMs: number,
    reason: "wait" | "deferred",
  ) => {
    const wait = beginWait(nodeId, visit, untilMs);
    await waitFor(
      nodeId,
      visit,
      wait.until,
      { kind: "timer", until: new Date(wait.until).toISOString(), reason },
      () => false,
    );
    state.currentWait = null;
  };

  const runActivityNode = async (node: PlanNode, visit: number): Promise<string | null> => {
    for (let attempt = 0; attempt <= MAX_DEFERRALS; attempt++) {
      let result;
      try {
        result = await activities.runNode({
          enrolment,
          nodeId: node.id,
          nodeType: node.type,
          config: node.config,
          visit,
          event: input.event,
          at: nowIso(),
          policy,
          progress: dueProgress(waitAfter(node)),
        });
      } catch (error) {
        if (isCancellation(error)) throw error;
        // The node failed for good (retries exhausted or a non-retryable error): take `failed` when the node has it.
        return "failed" in node.next ? "failed" : null;
      }
      if (terminal) throw new Ended();
      if (!result.deferUntil) return result.output;
      await sleepUntil(node.id, visit, new Date(result.deferUntil).getTime(), "deferred");
    }
    return "failed" in node.next ? "failed" : null;
  };

  const runCascade = async (node: PlanNode, visit: number): Promise<string> => {
    const config = parse.cascade(node.config);
    const order = await activities.cascadeOrder({
      enrolment,
      order: config.order,
      channels: config.steps.map((s) => s.channel),
      progress: dueProgress(false),
    });
    const carried =
      state.currentWait?.nodeId === node.id && state.currentWait.visit === visit
        ? state.currentWait.step
        : undefined;
    const startAt = carried === undefined ? 0 : Math.max(order.indexOf(carried), 0);
    for (let position = startAt; position < order.length; position++) {
      const stepIndex = order[position] ?? 0;
      const step = config.steps[stepIndex];
      if (!step) continue;
      const resuming = carried === stepIndex;
      if (!resuming) {
        let outcome = null;
        for (let attempt = 0; attempt <= MAX_DEFERRALS; attempt++) {
          outcome = await activities.sendStep({
            enrolment,
            nodeId: node.id,
            visit,
            step: stepIndex,
            channel: step.channel,
            content: contentStrings(step.channel, step.content),
            category: config.category,
            event: input.event,
            at: nowIso(),
            policy,
            progress: dueProgress(durationToMs(step.window) >= PROGRESS_LAG_MS),
          });
          if (terminal) throw new Ended();
          if (outcome.status !== "deferred" || !outcome.deferUntil) break;
          await sleepUntil(node.id, visit, new Date(outcome.deferUntil).getTime(), "deferred");
        }
        // Skipped (no address, no consent, capped) or failed: escalate at once.
        if (!outcome || outcome.status !== "sent") continue;
        state.currentWait = {
          nodeId: node.id,
          visit,
          until: Date.now() + durationToMs(step.window),
          sinceSeq: state.eventSeq,
          step: stepIndex,
        };
      }
      const wait = state.currentWait ?? { until: Date.now(), sinceSeq: state.eventSeq };
      const responded = () =>
        state.inbox.some(
          (e) => e.seq > wait.sinceSeq && config.responseEvents.includes(e.event.event),
        );
      const result = await waitFor(
        node.id,
        visit,
        wait.until,
        { kind: "event", events: config.responseEvents, until: new Date(wait.until).toISOString() },
        responded,
        stepIndex,
      );
      state.currentWait = null;
      if (result === "ready") {
        takeEvent(wait.sinceSeq, (e) => config.responseEvents.includes(e.event));
        return "responded";
      }
    }
    return "exhausted";
  };

  /** Evaluates conditions or a segment for the profile; `node` is the branch node (none for exit conditions). */
  const evaluate = async (
    args: { conditions?: Condition[]; segmentId?: string },
    node?: PlanNode,
  ): Promise<number> => {
    const result = await activities.evaluate({
      enrolment,
      at: nowIso(),
      ...args,
      progress: dueProgress(node !== undefined && waitAfter(node)),
    });
    if (terminal) throw new Ended();
    return result;
  };

  /** Runs one node and returns the output port to follow (null ends the journey). */
  const execute = async (node: PlanNode, visit: number): Promise<string | null> => {
    if (node.execution === "activity") return runActivityNode(node, visit);
    switch (node.type) {
      case "trigger.event":
      case "trigger.segment":
      case "trigger.manual":
        return "next";
      case "wait.duration": {
        const duration = parse.waitDuration(node.config);
        const wait = beginWait(node.id, visit, Date.now() + durationToMs(duration));
        await waitFor(
          node.id,
          visit,
          wait.until,
          { kind: "timer", until: new Date(wait.until).toISOString(), reason: "wait" },
          () => false,
        );
        state.currentWait = null;
        return "next";
      }
      case "wait.until": {
        const config = parse.waitUntil(node.config);
        const carried =
          state.currentWait?.nodeId === node.id && state.currentWait.visit === visit
            ? state.currentWait.until
            : null;
        const until =
          carried ??
          new Date(
            await activities.resolveWaitUntil({
              enrolment,
              at: nowIso(),
              config,
              progress: dueProgress(true),
            }),
          ).getTime();
        if (terminal) throw new Ended();
        if (until > Date.now()) await sleepUntil(node.id, visit, until, "wait");
        state.currentWait = null;
        return "next";
      }
      case "wait.event": {
        const config = parse.waitEvent(node.config);
        const wait = beginWait(node.id, visit, Date.now() + durationToMs(config.timeout));
        const matches = (e: JourneyEvent) =>
          e.event === config.event && propertiesMatch(config.where, e.properties);
        const result = await waitFor(
          node.id,
          visit,
          wait.until,
          { kind: "event", events: [config.event], until: new Date(wait.until).toISOString() },
          () => state.inbox.some((entry) => entry.seq > wait.sinceSeq && matches(entry.event)),
        );
        if (result === "ready") takeEvent(wait.sinceSeq, matches);
        state.currentWait = null;
        return result === "ready" ? "received" : "timeout";
      }
      case "branch.condition": {
        const config = parse.branch(node.config);
        return (await evaluate({ conditions: [config.condition] }, node)) === 0 ? "yes" : "no";
      }
      case "branch.multi": {
        const config = parse.multi(node.config);
        const index = await evaluate({ conditions: config.cases.map((c) => c.condition) }, node);
        return config.cases[index]?.id ?? "else";
      }
      case "segment.split": {
        const config = parse.segment(node.config);
        return (await evaluate({ segmentId: config.segmentId }, node)) === 0 ? "in" : "out";
      }
      case "experiment.split": {
        const config = parse.experiment(node.config);
        const variant =
          state.variants[node.id] ??
          assignVariant(input.journeyId, node.id, input.profileId, config.variants, config.holdout);
        if (!state.variants[node.id]) {
          state.variants[node.id] = variant;
          queue({ op: "variant", nodeId: node.id, variant });
        }
        if (variant === "holdout") {
          state.holdout = true;
          return "holdout";
        }
        return variant;
      }
      case "message.cascade":
        return runCascade(node, visit);
      case "goal": {
        const config = parse.goal(node.config);
        const matches = (e: JourneyEvent) =>
          e.event === config.event && propertiesMatch(config.where, e.properties);
        const performed =
          takeEvent(0, matches) ?? (input.event && matches(input.event) ? input.event : null);
        if (performed) convert(performed, config.revenueProperty);
        return "next";
      }
      case "exit":
        return null;
      default:
        throw new UnknownNodeType(node.type);
    }
  };

  const finish = async (result: Terminal): Promise<JourneyResult> => {
    // Ended inside a node (goal, exit criterion, cancellation): it leaves that node without a port.
    if (inNode !== null) queue({ op: "leave", nodeId: inNode, port: null });
    inNode = null;
    const status: EnrolmentOutcome =
      result.status === "completed" && state.converted ? "converted" : result.status;
    queue({ op: "end", status, ...(result.reason ? { reason: result.reason } : {}), at: nowIso() });
    await CancellationScope.nonCancellable(flush);
    return {
      outcome: status,
      ...(result.reason ? { reason: result.reason } : {}),
      steps: state.steps,
      path: state.path,
      variants: state.variants,
    };
  };

  try {
    // Carried events from before a continue-as-new are already in the inbox.
    while (!terminal) {
      if (state.steps >= plan.maxSteps) {
        terminal = {
          status: "failed",
          reason: `stopped after ${plan.maxSteps} steps (plan.maxSteps)`,
        };
        break;
      }
      if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > HISTORY_BUDGET)
        await continueAsNewNow();
      const nodeId = state.currentNodeId;
      const node = nodeId === null ? undefined : plan.nodes[nodeId];
      if (!node || nodeId === null) {
        terminal = { status: "failed", reason: `unknown node ${String(nodeId)}` };
        break;
      }
      if (exitConditions.length > 0 && (await evaluate({ conditions: exitConditions })) >= 0) {
        terminal = { status: state.converted ? "converted" : "exited", reason: "exit condition" };
        break;
      }
      const resuming = state.currentWait?.nodeId === nodeId;
      const visit = resuming ? (state.visits[nodeId] ?? 1) : (state.visits[nodeId] ?? 0) + 1;
      if (!resuming) {
        state.visits[nodeId] = visit;
        queue({ op: "enter", nodeId, at: nowIso() });
        inNode = nodeId;
        if (!state.visited.includes(nodeId)) state.visited.push(nodeId);
        if (simulation && state.path.length < PATH_LIMIT) state.path.push({ nodeId, at: nowIso() });
      }
      const port = await execute(node, visit);
      if (simulation) {
        const last = state.path[state.path.length - 1];
        if (last && last.nodeId === nodeId) last.port = port;
      }
      queue({ op: "leave", nodeId, port });
      inNode = null;
      if (port !== null) {
        const key = `${nodeId}\u0000${port}`;
        if (!state.portsTaken.includes(key)) state.portsTaken.push(key);
      }
      state.steps += 1;
      // The holdout receives nothing more (it still counts a conversion within the goal window, below).
      if (state.holdout) break;
      const next = port === null ? null : (node.next[port] ?? null);
      if (next === null) {
        terminal = { status: "completed" };
        break;
      }
      state.currentNodeId = next;
    }
    if (state.holdout && !terminal) {
      if (goal && !state.converted && Date.now() < goalDeadline) {
        // Throws Ended when the goal (converted) or an exit event ends the wait.
        await waitFor(
          state.currentNodeId ?? "",
          0,
          goalDeadline,
          { kind: "timer", until: new Date(goalDeadline).toISOString(), reason: "goal_window" },
          () => false,
        );
      }
      return await finish({ status: "completed", reason: "holdout" });
    }
    return await finish(terminal ?? { status: "completed" });
  } catch (error) {
    if (error instanceof Ended) {
      const ended: Terminal = terminal ?? { status: "exited" };
      return await finish(ended);
    }
    if (isCancellation(error)) return await finish({ status: "cancelled", reason: "cancelled" });
    if (error instanceof UnknownNodeType)
      return await finish({ status: "failed", reason: error.message });
    throw error;
  }
}

class UnknownNodeType extends Error {
  constructor(type: string) {
    super(`node type ${type} cannot be interpreted by the workflow`);
  }
}

/** Re-exported for the simulation workflow's typing. */
export type { JourneyPlan };
