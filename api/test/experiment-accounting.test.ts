// Experiment accounting on the real stack (API, outbox drain, worker, Temporal, FerretDB): the control is the live
// version's first variant, each arm's conversion window opens when the profile enters the arm and is counted
// whether or not its workflow still runs, the holdout likewise; declaring a winner publishes and audits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignVariant, type ExperimentResponse, type Journey } from "@omnijourney/shared";
import type { RunningWorker } from "@omnijourney/runtime";
import { eventually, startTestApi, startTestWorker, type TestApi } from "./helpers/api.js";

let t: TestApi;
let worker: RunningWorker;

beforeAll(async () => {
  t = await startTestApi("experiments");
  worker = await startTestWorker(t);
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

const HOUR_MS = 3_600_000;
const variants = [
  { id: "a", name: "Discount", weight: 50 },
  { id: "b", name: "Free shipping", weight: 50 },
];

/**
 * signup → wait 2 s → experiment (a, b, 10 % holdout) → an SMS per arm → exit; goal: purchase within an hour. The
 * wait puts arm entry two seconds after enrolment; the arms' workflows end right after their SMS.
 */
const experimentJourney = (event: string) => ({
  name: `Experiment on ${event}`,
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event } },
    {
      id: "w",
      type: "wait.duration",
      position: { x: 0, y: 100 },
      config: { amount: 2, unit: "second" },
    },
    {
      id: "split",
      type: "experiment.split",
      position: { x: 0, y: 200 },
      config: { variants, holdout: 10 },
    },
    { id: "ma", type: "message.sms", position: { x: -100, y: 300 }, config: { text: "10% off" } },
    {
      id: "mb",
      type: "message.sms",
      position: { x: 100, y: 300 },
      config: { text: "Free shipping" },
    },
    { id: "x", type: "exit", position: { x: 0, y: 400 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "w" },
    { id: "e2", source: "w", target: "split" },
    { id: "e3", source: "split", sourceHandle: "a", target: "ma" },
    { id: "e4", source: "split", sourceHandle: "b", target: "mb" },
    { id: "e5", source: "ma", target: "x" },
    { id: "e6", source: "mb", target: "x" },
  ],
  settings: {
    reentry: "never",
    goal: { event: "purchase", within: { amount: 1, unit: "hour" }, revenueProperty: "total" },
  },
});

const createLive = async (doc: unknown): Promise<string> => {
  const created = (await (await t.api("/api/journeys", { body: doc })).json()) as { id: string };
  expect((await t.api(`/api/journeys/${created.id}/publish`, { method: "POST" })).status).toBe(200);
  return created.id;
};

/** A profile id the journey's split assigns to `arm`. */
const profileIn = (journeyId: string, arm: string, prefix: string): string => {
  for (let i = 0; ; i++) {
    const id = `${prefix}-${i}`;
    if (assignVariant(journeyId, "split", id, variants, 10) === arm) return id;
  }
};

const track = async (userId: string, event: string, extra: Record<string, unknown> = {}) => {
  const res = await t.ingest("/track", { userId, event, ...extra });
  expect(res.status).toBe(200);
};

const results = async (journeyId: string): Promise<ExperimentResponse> =>
  (await (
    await t.api(`/api/journeys/${journeyId}/experiments/split`)
  ).json()) as ExperimentResponse;

/** Waits until the profile's enrolment took an arm (and ended, unless `ended` is false); returns the enrolment. */
const settled = async (journeyId: string, profileId: string, ended = true) =>
  eventually(
    async () => {
      const enrolment = await t.context.db.enrolments.findOne({ journeyId, profileId });
      return enrolment?.variants.split && (!ended || enrolment.status !== "active")
        ? enrolment
        : null;
    },
    30_000,
    `${profileId}'s arm`,
  );

describe("experiment accounting", () => {
  it("defaults the control to the first variant of the live version, not the draft's or the first counted arm", async () => {
    const id = await createLive(experimentJourney("signup_control"));
    // The draft now lists b first; the live version still runs [a, b].
    const draft = experimentJourney("signup_control");
    const split = draft.nodes.find((n) => n.id === "split");
    if (split) split.config = { variants: [...variants].reverse(), holdout: 10 };
    expect((await t.api(`/api/journeys/${id}`, { method: "PUT", body: draft })).status).toBe(200);
    // b is counted first.
    const first = profileIn(id, "b", "ctl");
    await track(first, "signup_control");
    await settled(id, first, false);
    const body = await results(id);
    expect(body.control).toBe("a");
    expect(body.variants.map((v) => v.id)).toEqual(["a", "b", "holdout"]);
    expect(body.variants.find((v) => v.id === "b")?.enrolled).toBe(1);
  });

  it("counts a conversion inside the arm's window after its workflow ended, measured from arm entry, not enrolment", async () => {
    const id = await createLive(experimentJourney("signup_window"));
    const inside = profileIn(id, "a", "win-in");
    const after = profileIn(id, "a", "win-out");
    const held = profileIn(id, "holdout", "win-hold");
    for (const p of [inside, after, held]) await track(p, "signup_window");
    const [a, late, hold] = await Promise.all([
      settled(id, inside),
      settled(id, after),
      settled(id, held, false),
    ]);
    // The arm is entered after the 2 s wait, so an hour after enrolment plus one second is still in its window.
    const sinceEnrolment = a.startedAt.getTime() + HOUR_MS + 1_000;
    expect(a.status).toBe("completed");
    await track(inside, "purchase", {
      timestamp: new Date(sinceEnrolment).toISOString(),
      properties: { total: 40 },
    });
    // The same purchase again: the assignment converts once.
    await track(inside, "purchase", {
      timestamp: new Date(sinceEnrolment + 1_000).toISOString(),
      properties: { total: 40 },
    });
    // After its own window: not counted.
    await track(after, "purchase", {
      timestamp: new Date(late.startedAt.getTime() + HOUR_MS + 60_000).toISOString(),
      properties: { total: 99 },
    });
    // The holdout, by the same rule.
    await track(held, "purchase", {
      timestamp: new Date(hold.startedAt.getTime() + 60_000).toISOString(),
      properties: { total: 15 },
    });
    // Conversions are counted by the outbox drain, before it lets go of the events.
    await t.context.fanout.idle();
    const body = await results(id);
    const arm = (armId: string) => body.variants.find((v) => v.id === armId);
    expect(arm("a")).toMatchObject({
      enrolled: 2,
      converted: 1,
      revenue: 40,
      revenueSquares: 1600,
    });
    expect(arm("holdout")).toMatchObject({
      enrolled: 1,
      converted: 1,
      revenue: 15,
      revenueSquares: 225,
    });
    // With the squares counted, revenue per enrolled has its interval (20 ± the normal interval over 2).
    expect(arm("a")?.revenuePerEnrolled).toBe(20);
    expect(arm("a")?.revenueInterval).not.toBeNull();
    expect(await t.context.db.messages.countDocuments({ profileId: held })).toBe(0);
    expect(await t.context.db.messages.countDocuments({ profileId: inside })).toBeGreaterThan(0);
    // The window opened at arm entry, after the wait, and the arm's record says so.
    const recorded = await t.context.db.experimentAssignments.findOne({
      journeyId: id,
      profileId: inside,
    });
    expect(recorded?.enteredAt.getTime()).toBeGreaterThan(a.startedAt.getTime() + 1_500);
    expect(recorded?.convertedAt?.getTime()).toBe(sinceEnrolment);
  });

  it("declares a winner: a new version sends everyone but the holdout to it, and the decision is audited and shown", async () => {
    const id = await createLive(experimentJourney("signup_winner"));
    const p = profileIn(id, "b", "dec");
    await track(p, "signup_winner");
    await settled(id, p);

    const unknown = await t.api(`/api/journeys/${id}/experiments/split/winner`, {
      body: { arm: "c" },
    });
    expect(unknown.status).toBe(400);
    expect(
      ((await unknown.json()) as { error: { details: { fields: string[] } } }).error.details.fields,
    ).toEqual(["body.arm"]);

    const res = await t.api(`/api/journeys/${id}/experiments/split/winner`, {
      body: { arm: "b", note: "Free shipping converts better" },
    });
    expect(res.status).toBe(200);
    const decision = (await res.json()) as { version: number; decidedBy: string; figures: unknown };
    expect(decision).toMatchObject({ arm: "b", decidedBy: "admin", fromVersion: 1, version: 2 });
    expect(decision.figures).toMatchObject({
      control: "a",
      arms: [{ id: "a" }, { id: "b", enrolled: 1 }, { id: "holdout" }],
    });

    const journey = (await (await t.api(`/api/journeys/${id}`)).json()) as Journey;
    expect(journey.liveVersion).toBe(2);
    expect(journey.experimentDecisions).toMatchObject([{ nodeId: "split", arm: "b", version: 2 }]);
    const version = (await (await t.api(`/api/journeys/${id}/versions/2`)).json()) as {
      document: {
        nodes: {
          id: string;
          config: { variants?: { id: string; weight: number }[]; holdout?: number };
        }[];
      };
    };
    const split = version.document.nodes.find((n) => n.id === "split")?.config;
    expect(split?.variants?.map((v) => [v.id, v.weight])).toEqual([
      ["a", 0],
      ["b", 100],
    ]);
    expect(split?.holdout).toBe(10);

    // Publishing is audited too (teams): the decision is the one winner entry.
    const audit = await t.context.db.audit
      .find({ "object.id": id, action: "experiment.winner_declared" })
      .toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: "admin",
      action: "experiment.winner_declared",
      before: { version: 1 },
      after: { version: 2 },
      details: { nodeId: "split", arm: "b", note: "Free shipping converts better" },
    });
    // Entrants under the decided version go to b (or the holdout) and are not counted in the experiment.
    const later = profileIn(id, "a", "dec-later");
    await track(later, "signup_winner");
    expect(await settled(id, later)).toMatchObject({ variants: { split: "b" }, version: 2 });
    expect((await results(id)).variants.find((v) => v.id === "b")?.enrolled).toBe(1);
    const again = await t.api(`/api/journeys/${id}/experiments/split/winner`, {
      body: { arm: "a" },
    });
    expect(again.status).toBe(409);
  });
});
