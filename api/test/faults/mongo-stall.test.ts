// FerretDB stalled for 20 s (SIGSTOP: connections open, no answer) under a steady stream of /v1/track: while it
// is down every request answers 503 with Retry-After within its deadline, none hangs and none is a 500; the API
// recovers without a restart; once the refused events are sent again, as a Segment client does, every
// acknowledged event is stored once, fanned out once, every profile enrolled once and emailed once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { welcomeJourney } from "../fixtures.js";
import { eventually } from "../helpers/api.js";
import { resumeAllEngines, whileStalled } from "./engines.js";
import { expectEverythingOnce } from "./invariants.js";
import { startProcessStack, type FaultStack } from "./stack.js";
import { deliverRefused, percentile, timeline, track, streamTo } from "./stream.js";

const EVENT = "Fault Mongo";
const STALL_MS = 20_000;
const DEADLINE_MS = 5_000; // the API's default public deadline
let stack: FaultStack;

beforeAll(async () => {
  stack = await startProcessStack("mongo_stall", { journey: welcomeJourney(EVENT), profiles: 30 });
});
afterAll(async () => {
  resumeAllEngines();
  await stack?.close();
});

describe("FerretDB stalled under a steady stream", () => {
  it("answers 503 with Retry-After while the database is stalled, recovers without a restart, and loses or doubles nothing", async () => {
    const started = Date.now();
    const stream = streamTo(stack, EVENT, 15_000);
    await new Promise((r) => setTimeout(r, 5_000));
    const stallStart = Date.now();
    const health = await whileStalled("mongo", STALL_MS, async () => {
      await new Promise((r) => setTimeout(r, 3_000));
      const at = Date.now();
      const res = await fetch(`${stack.url}/health`);
      return {
        status: res.status,
        ms: Date.now() - at,
        retryAfter: res.headers.get("retry-after"),
      };
    });
    const stallEnd = Date.now();
    // Recovery without a restart: a request sent after the resume is acknowledged.
    const recovered = await eventually(
      async () => {
        const r = await track(
          stack.url,
          { messageId: `probe-${Date.now()}`, userId: stack.users[0] ?? "", event: "Probe" },
          10_000,
        );
        return r.status === 200 ? Date.now() : null;
      },
      60_000,
      "a track call acknowledged after the resume",
    );
    await new Promise((r) => setTimeout(r, 5_000));
    const sent = await stream.stop();

    console.log(`mongo stall, answers from the stall's start: ${timeline(sent, stallStart)}`);
    // While stalled (after the deadline of a request sent just before the stop): 503s, each with Retry-After.
    const duringStall = sent.filter((s) => s.at >= stallStart && s.at + DEADLINE_MS < stallEnd);
    // The stream's own rate (10/s for 15 s past the deadline), with room for a loaded machine's late timers.
    expect(duringStall.length).toBeGreaterThan(75);
    expect(duringStall.filter((s) => s.status !== 503)).toEqual([]);
    expect(duringStall.every((s) => s.retryAfter !== null)).toBe(true);
    // Bounded: no request waited much past its deadline, none timed out on the client, none failed with a 500.
    expect(Math.max(...sent.map((s) => s.ms))).toBeLessThan(DEADLINE_MS + 3_000);
    expect(sent.filter((s) => s.status !== 200 && s.status !== 503)).toEqual([]);
    expect(health.status).toBe(503);
    expect(health.retryAfter).toBeTruthy();
    expect(health.ms).toBeLessThan(1_500);

    const refused = sent.filter((s) => s.status !== 200).length;
    const retried = await deliverRefused(stack.url, sent, EVENT);
    await expectEverythingOnce(stack, EVENT, sent);
    console.log(
      `mongo stall: ${sent.length} track calls over ${((Date.now() - started) / 1000).toFixed(0)} s, ${refused} refused with 503 while stalled (p50 ${percentile(
        duringStall.map((s) => s.ms),
        50,
      )} ms, max ${Math.max(...duringStall.map((s) => s.ms))} ms), /health ${health.status} in ${health.ms} ms; recovered ${recovered - stallEnd} ms after the resume; ${retried} resent; ${stack.users.length} enrolments and emails, each once`,
    );
  }, 400_000);
});
