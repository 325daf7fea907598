// Temporal stalled for 20 s (SIGSTOP) under a steady stream of /v1/track: ingestion does not need Temporal, so
// every event is still acknowledged (stored with its outbox entry) while /health says degraded; the journeys'
// starts wait in the outbox and run once Temporal answers again, no restart needed: every event stored once,
// fanned out once, every profile enrolled once and emailed once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { welcomeJourney } from "../fixtures.js";
import { ADMIN_TOKEN } from "../helpers/api.js";
import { resumeAllEngines, whileStalled } from "./engines.js";
import { expectEverythingOnce } from "./invariants.js";
import { startProcessStack, type FaultStack } from "./stack.js";
import { deliverRefused, percentile, timeline, streamTo } from "./stream.js";

const EVENT = "Fault Temporal";
const STALL_MS = 20_000;
let stack: FaultStack;

beforeAll(async () => {
  stack = await startProcessStack("temporal_stall", {
    journey: welcomeJourney(EVENT),
    profiles: 30,
  });
});
afterAll(async () => {
  resumeAllEngines();
  await stack?.close();
});

describe("Temporal stalled under a steady stream", () => {
  it("keeps acknowledging events while Temporal is stalled, says degraded, and starts every journey once afterwards", async () => {
    const started = Date.now();
    const stream = streamTo(stack, EVENT, 30_000);
    await new Promise((r) => setTimeout(r, 5_000));
    const stallStart = Date.now();
    const health = await whileStalled("temporal", STALL_MS, async () => {
      await new Promise((r) => setTimeout(r, 3_000));
      const at = Date.now();
      const res = await fetch(`${stack.url}/api/health`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      const body = (await res.json()) as { failing?: string[] };
      return { status: res.status, ms: Date.now() - at, failing: body.failing ?? [] };
    });
    const stallEnd = Date.now();
    await new Promise((r) => setTimeout(r, 10_000));
    const sent = await stream.stop();

    console.log(`temporal stall, answers from the stall's start: ${timeline(sent, stallStart)}`);
    const duringStall = sent.filter((s) => s.at >= stallStart && s.at < stallEnd);
    // The stream's own rate (10/s for 20 s), with room for a loaded machine's late timers.
    expect(duringStall.length).toBeGreaterThan(100);
    // The API never hangs or fails on Temporal's account: each call is acknowledged or at most told to retry.
    expect(sent.filter((s) => s.status !== 200 && s.status !== 503)).toEqual([]);
    const acknowledgedWhileStalled = duringStall.filter((s) => s.status === 200).length;
    expect(acknowledgedWhileStalled).toBeGreaterThan(duringStall.length * 0.9);
    expect(health).toMatchObject({ status: 503, failing: ["temporal"] });
    expect(health.ms).toBeLessThan(1_500);

    const retried = await deliverRefused(stack.url, sent, EVENT);
    await expectEverythingOnce(stack, EVENT, sent);
    console.log(
      `temporal stall: ${sent.length} track calls over ${((Date.now() - started) / 1000).toFixed(0)} s, ${acknowledgedWhileStalled} of ${duringStall.length} acknowledged while stalled (p50 ${percentile(
        duringStall.map((s) => s.ms),
        50,
      )} ms, p99 ${percentile(
        duringStall.map((s) => s.ms),
        99,
      )} ms), /api/health ${health.status} naming ${health.failing.join(", ")} in ${health.ms} ms; ${retried} resent; ${stack.users.length} enrolments and emails, each once`,
    );
  }, 400_000);
});
