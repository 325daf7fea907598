import { randomBytes } from "node:crypto";
import {
  Client,
  Connection,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type ScheduleHandle,
} from "@temporalio/client";
import {
  compileJourney,
  type Condition,
  type EventCounter,
  type JourneyDocumentInput,
} from "@omnijourney/shared";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  deleteSegmentSweepSchedule,
  ensureSegmentSweepSchedule,
  parseSweepEvery,
  segmentSweepScheduleId,
  SEGMENT_SWEEP_SCHEDULE_ID,
} from "../src/sweep/index.js";
import type { SegmentSweepResult } from "../src/workflows/segment-sweep.js";
import { startWorker, type RunningWorker } from "../src/worker.js";
import { eventually } from "./helpers/wait.js";
import {
  enterSegment,
  newJourney,
  newJourneyVersion,
  newProfile,
  newSegment,
  newSettings,
  sweepStateId,
  WORKSPACE_SETTINGS_ID,
} from "@omnijourney/store";

const engines = inject("engines");
const suffix = randomBytes(3).toString("hex");
const taskQueue = `sweep-${suffix}`;
const dbName = `omnij_sweep_${suffix}`;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

let worker: RunningWorker;
let connection: Connection;
let client: Client;
let schedule: ScheduleHandle;

const lapsed: Condition = {
  event: "purchase",
  op: "not_performed",
  within: { amount: 30, unit: "day" },
};
/** Cohort "b", no login within 30 days: the journey published without `enrolExisting`. */
const dormantB: Condition = {
  all: [
    { attr: "cohort", op: "eq", value: "b" },
    { event: "login", op: "not_performed", within: { amount: 30, unit: "day" } },
  ],
};

/** trigger.segment → wait a week → exit: an enrolment stays active, nothing is sent. */
function segmentJourney(
  segmentId: string,
  enrolExisting: boolean,
  reentry: "never" | "always",
): JourneyDocumentInput {
  return {
    name: `Win back ${segmentId}`,
    nodes: [
      { id: "t", type: "trigger.segment", config: { segmentId, enrolExisting } },
      { id: "w", type: "wait.duration", config: { amount: 7, unit: "day" } },
      { id: "x", type: "exit", config: {} },
    ],
    edges: [
      { id: "e1", source: "t", target: "w" },
      { id: "e2", source: "w", target: "x" },
    ],
    settings: { reentry },
  };
}

async function publish(
  journeyId: string,
  segmentId: string,
  document: JourneyDocumentInput,
  publishedAt: Date,
): Promise<void> {
  const { models } = worker;
  await models.journeyVersions.insertOne(
    newJourneyVersion({
      journeyId,
      version: 1,
      plan: compileJourney(document),
      document,
      hash: `h-${journeyId}`,
      publishedAt,
    }),
  );
  await models.journeys.insertOne(
    newJourney({
      _id: journeyId,
      name: document.name,
      document,
      status: "live",
      liveVersion: 1,
      trigger: { type: "trigger.segment", segmentId },
      publishedAt,
    }),
  );
}

const counter = (...dates: Date[]): EventCounter => {
  const recent = [...dates].sort((a, b) => b.getTime() - a.getTime());
  return {
    count: recent.length,
    first: recent[recent.length - 1] ?? new Date(),
    last: recent[0] ?? new Date(),
    recent,
  };
};

/** Writes a profile's counters as ingestion would have. */
async function setCounters(profileId: string, counters: Record<string, EventCounter>) {
  await worker.models.profiles.updateOne({ _id: profileId }, { $set: { counters } });
}

/** Triggers the schedule once and returns the sweep workflow's result. */
async function runSweep(): Promise<SegmentSweepResult> {
  const before = (await schedule.describe()).info.numActionsTaken;
  await schedule.trigger();
  const action = await eventually(
    async () => {
      const { info } = await schedule.describe();
      if (info.numActionsTaken <= before) return null;
      return [...info.recentActions].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime())[0];
    },
    { what: "the schedule to start a sweep" },
  );
  const { workflowId, firstExecutionRunId } = action.action.workflow;
  return client.workflow.getHandle(workflowId, firstExecutionRunId).result();
}

const membership = (journeyId: string, profileId: string) =>
  worker.models.segmentMemberships.findOne({ journeyId, profileId });
const enrolments = (journeyId: string, profileId: string) =>
  worker.models.enrolments.find({ journeyId, profileId }).toArray();

beforeAll(async () => {
  worker = await startWorker({
    mongoUri: engines.mongoUri,
    mongoDbName: dbName,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    smtpUrl: engines.smtpUrl,
    taskQueue,
    providerSettings: {},
    handleSignals: false,
    // Far apart, so only the test's own triggers run sweeps.
    segmentSweepEvery: "6h",
  });
  connection = await Connection.connect({ address: engines.temporalAddress });
  client = new Client({ connection, namespace: engines.temporalNamespace });
  schedule = client.schedule.getHandle(segmentSweepScheduleId(taskQueue));

  const { models } = worker;
  await models.settings.insertOne(
    newSettings({ _id: WORKSPACE_SETTINGS_ID, quietHours: { enabled: false } }),
  );
  await models.segments.insertOne(
    newSegment({ _id: "lapsed", name: "Lapsed buyers", condition: lapsed }),
  );
  await models.segments.insertOne(
    newSegment({ _id: "dormant-b", name: "Dormant cohort B", condition: dormantB }),
  );
  await models.segments.insertOne(
    newSegment({
      _id: "germany",
      name: "Germany",
      condition: { attr: "country", op: "eq", value: "DE" },
    }),
  );
  // Re-entry "always": only the membership row stands between a second sweep and a second enrolment.
  await publish("winback", "lapsed", segmentJourney("lapsed", true, "always"), daysAgo(60));
  // Not time-based: the sweep leaves it to the API's fan-out.
  await publish("de", "germany", segmentJourney("germany", true, "always"), daysAgo(60));
  await models.profiles.insertOne(
    newProfile({
      profileId: "old-buyer",
      attributes: { country: "DE" },
      counters: { purchase: counter(daysAgo(40), daysAgo(90)) },
    }),
  );
  await models.profiles.insertOne(
    newProfile({
      profileId: "fresh-buyer",
      attributes: { country: "FR" },
      counters: { purchase: counter(daysAgo(1)) },
    }),
  );
});

afterAll(async () => {
  if (client) await deleteSegmentSweepSchedule(client, taskQueue).catch(() => undefined);
  await connection?.close();
  await worker?.models.raw.dropDatabase().catch(() => undefined);
  await worker?.stop();
});

describe("parseSweepEvery", () => {
  it("reads s/m/h/d durations, 'off' as disabled, empty as the 15-minute default, and rejects anything else", () => {
    expect(parseSweepEvery("30s")).toBe(30_000);
    expect(parseSweepEvery("15m")).toBe(15 * 60_000);
    expect(parseSweepEvery(" 2H ")).toBe(2 * HOUR);
    expect(parseSweepEvery("1d")).toBe(DAY);
    expect(parseSweepEvery(undefined)).toBe(15 * 60_000);
    expect(parseSweepEvery("")).toBe(15 * 60_000);
    expect(parseSweepEvery("off")).toBeNull();
    expect(parseSweepEvery("0")).toBeNull();
    expect(() => parseSweepEvery("15 minutes")).toThrow(/Invalid segment sweep interval/);
    expect(() => parseSweepEvery("-5m")).toThrow();
  });

  it("names the default task queue's schedule omnijourney-segment-sweep and others after their queue", () => {
    expect(segmentSweepScheduleId()).toBe(SEGMENT_SWEEP_SCHEDULE_ID);
    expect(segmentSweepScheduleId("omnijourney")).toBe("omnijourney-segment-sweep");
    expect(segmentSweepScheduleId("q1")).toBe("omnijourney-segment-sweep-q1");
  });
});

describe("segment sweep on the Temporal dev server with the embedded engine", () => {
  it("startWorker creates the schedule with the configured interval, SKIP overlap and the worker's task queue", async () => {
    expect(worker.segmentSweep).toEqual({
      scheduleId: segmentSweepScheduleId(taskQueue),
      everyMs: 6 * HOUR,
    });
    const described = await schedule.describe();
    expect(described.spec.intervals?.map((i) => i.every)).toEqual([6 * HOUR]);
    expect(described.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
    expect(described.policies.catchupWindow).toBe(60_000);
    expect(described.action).toMatchObject({
      type: "startWorkflow",
      workflowType: "segmentSweepWorkflow",
      taskQueue,
    });
  });

  it("ensuring the schedule again updates its interval instead of failing, and keeps it idempotent", async () => {
    await ensureSegmentSweepSchedule(client, { taskQueue, every: "3h" });
    expect((await schedule.describe()).spec.intervals?.map((i) => i.every)).toEqual([3 * HOUR]);
    await ensureSegmentSweepSchedule(client, { taskQueue, every: "6h" });
    await ensureSegmentSweepSchedule(client, { taskQueue, every: 6 * HOUR });
    const described = await schedule.describe();
    expect(described.spec.intervals?.map((i) => i.every)).toEqual([6 * HOUR]);
    expect(described.state.paused).toBe(false);
  });

  it("enrols the profile whose last purchase is 40 days old and not the one who bought yesterday", async () => {
    const result = await runSweep();
    expect(result).toEqual({ journeys: 1, entered: 1, enrolled: 1, baseline: 0, left: 0 });

    expect(await membership("winback", "old-buyer")).toMatchObject({ segmentId: "lapsed" });
    expect(await membership("winback", "fresh-buyer")).toBeNull();
    const [enrolment, ...more] = await enrolments("winback", "old-buyer");
    expect(more).toHaveLength(0);
    expect(enrolment).toMatchObject({ status: "active", version: 1 });
    const running = await client.workflow.getHandle(enrolment?.workflowId ?? "").describe();
    expect(running.status.name).toBe("RUNNING");
    expect(running.taskQueue).toBe(taskQueue);
    expect(await enrolments("winback", "fresh-buyer")).toHaveLength(0);
    // The country segment is not time-based: the sweep does not touch it (the API's fan-out does).
    expect(await worker.models.segmentMemberships.countDocuments({ journeyId: "de" })).toBe(0);
  });

  it("a second sweep enrols nobody twice, even with re-entry 'always'", async () => {
    const result = await runSweep();
    expect(result).toEqual({ journeys: 1, entered: 0, enrolled: 0, baseline: 0, left: 0 });
    expect(await enrolments("winback", "old-buyer")).toHaveLength(1);
    expect(await worker.models.segmentMemberships.countDocuments({ journeyId: "winback" })).toBe(1);
  });

  it("a profile who stops matching loses its membership row and enters again once time makes it match", async () => {
    await setCounters("old-buyer", { purchase: counter(daysAgo(2), daysAgo(40), daysAgo(90)) });
    expect(await runSweep()).toMatchObject({ entered: 0, left: 1 });
    expect(await membership("winback", "old-buyer")).toBeNull();

    // Time passes (the counters say the last purchase is now 31 days old) for both profiles.
    await setCounters("old-buyer", { purchase: counter(daysAgo(31), daysAgo(40), daysAgo(90)) });
    await setCounters("fresh-buyer", { purchase: counter(daysAgo(31)) });
    expect(await runSweep()).toEqual({
      journeys: 1,
      entered: 2,
      enrolled: 2,
      baseline: 0,
      left: 0,
    });
    expect(await enrolments("winback", "old-buyer")).toHaveLength(2);
    expect(await enrolments("winback", "fresh-buyer")).toHaveLength(1);
  });

  it("a journey published without enrolExisting enrols only who entered after its publish, not earlier members", async () => {
    const { models } = worker;
    // Both bought yesterday (not lapsed) and belong to cohort b; their last logins differ.
    await models.profiles.insertOne(
      newProfile({
        profileId: "b-long-dormant",
        attributes: { cohort: "b" },
        counters: { purchase: counter(daysAgo(1)), login: counter(daysAgo(40)) },
      }),
    );
    await models.profiles.insertOne(
      newProfile({
        profileId: "b-newly-dormant",
        attributes: { cohort: "b" },
        counters: { purchase: counter(daysAgo(1)), login: counter(daysAgo(33)) },
      }),
    );
    // Published 5 days ago: then, the first had been dormant 35 days (a member), the second 28 days (not yet).
    await publish("dormant", "dormant-b", segmentJourney("dormant-b", false, "never"), daysAgo(5));

    expect(await runSweep()).toEqual({
      journeys: 2,
      entered: 1,
      enrolled: 1,
      baseline: 1,
      left: 0,
    });
    expect(await membership("dormant", "b-long-dormant")).not.toBeNull();
    expect(await enrolments("dormant", "b-long-dormant")).toHaveLength(0);
    expect(await enrolments("dormant", "b-newly-dormant")).toHaveLength(1);
    const state = await models.segmentSweeps.findOne({ _id: sweepStateId("dormant", "dormant-b") });
    expect(state?.baselineAt).toBeInstanceOf(Date);

    // The baseline is taken once: a member who leaves and comes back later is enrolled like anyone else.
    await setCounters("b-long-dormant", {
      purchase: counter(daysAgo(1)),
      login: counter(daysAgo(1)),
    });
    expect(await runSweep()).toMatchObject({ entered: 0, left: 1, baseline: 0 });
    await setCounters("b-long-dormant", {
      purchase: counter(daysAgo(1)),
      login: counter(daysAgo(31)),
    });
    expect(await runSweep()).toMatchObject({ entered: 1, enrolled: 1, baseline: 0 });
    expect(await enrolments("dormant", "b-long-dormant")).toHaveLength(1);
  });

  it("inserting membership rows reports only the rows it created when another writer got to some first", async () => {
    const model = worker.models.segmentMemberships;
    const key = { journeyId: "race", segmentId: "lapsed" };
    // The API's fan-out wrote p2's row between the sweep's read of the members and its insert.
    await model.updateOne(
      { ...key, profileId: "p2" },
      { $setOnInsert: { ...key, profileId: "p2", enteredAt: new Date() } },
      { upsert: true },
    );
    const at = new Date();
    expect(await enterSegment(worker.models, key, ["p1", "p2", "p3"], at)).toEqual(["p1", "p3"]);
    expect(await enterSegment(worker.models, key, ["p1", "p3"], at)).toEqual([]);
    expect(await enterSegment(worker.models, key, ["p4"], at)).toEqual(["p4"]);
    expect(await model.countDocuments(key)).toBe(4);
  });

  it("a worker started with the sweep 'off' deletes the task queue's schedule", async () => {
    const off = await startWorker({
      mongoUri: engines.mongoUri,
      mongoDbName: dbName,
      temporalAddress: engines.temporalAddress,
      temporalNamespace: engines.temporalNamespace,
      smtpUrl: engines.smtpUrl,
      taskQueue,
      providerSettings: {},
      handleSignals: false,
      env: { OMNIJOURNEY_SEGMENT_SWEEP_EVERY: "off" },
    });
    try {
      expect(off.segmentSweep).toBeNull();
      await expect(schedule.describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    } finally {
      await off.stop();
    }
  });
});
