// An HTTP provider (a webhook step's receiver on 127.0.0.1) answers 500s and never answers, in turn, for 20 s:
// each send is retried (the provider's own attempts, then the activity's) with the same Idempotency-Key; once the
// receiver heals, each profile's delivery is accepted exactly once, its message logged once as sent and its
// enrolment completed through the step's `next` port, not `failed`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../helpers/api.js";
import { expectEverythingOnce } from "./invariants.js";
import { startFaultStack, type FaultStack } from "./stack.js";
import { startFlakyReceiver, type FlakyReceiver } from "./flaky-receiver.js";
import { acknowledgedBurst } from "./stream.js";

const EVENT = "Fault Provider";
const FAILING_MS = 20_000;
let stack: FaultStack;
let receiver: FlakyReceiver;

const webhookJourney = (url: string) => ({
  name: "Webhook under faults",
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: EVENT } },
    {
      id: "hook",
      type: "message.webhook",
      position: { x: 0, y: 120 },
      config: { url: `${url}/hook/{{ profile.id }}`, body: '{"profile":"{{ profile.id }}"}' },
    },
    { id: "x", type: "exit", position: { x: 0, y: 240 }, config: {} },
    { id: "gave-up", type: "exit", position: { x: 200, y: 240 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "hook" },
    { id: "e2", source: "hook", sourceHandle: "next", target: "x" },
    { id: "e3", source: "hook", sourceHandle: "failed", target: "gave-up" },
  ],
  settings: { reentry: "never" },
});

beforeAll(async () => {
  receiver = await startFlakyReceiver();
  // The outbound guard refuses loopback unless allow-listed, as tests allow their local servers.
  process.env.OMNIJOURNEY_ALLOWED_HOSTS = receiver.hostPort;
  stack = await startFaultStack("provider_faults", {
    journey: webhookJourney(receiver.url),
    profiles: 30,
    worker: {
      providerSettings: {
        webhook: {
          provider: "http",
          signingSecret: "fault-test-signing-secret",
          timeoutMs: 1_000,
          maxAttempts: 2,
          backoffMs: 100,
        },
      },
    },
  });
});
afterAll(async () => {
  await stack?.close();
  await receiver?.close();
  delete process.env.OMNIJOURNEY_ALLOWED_HOSTS;
});

describe("an HTTP provider answering 500s and timeouts", () => {
  it("retries each delivery with its idempotency key and, once the receiver heals, has each accepted exactly once", async () => {
    const started = Date.now();
    const sent = await acknowledgedBurst(stack, EVENT);

    await new Promise((r) => setTimeout(r, Math.max(0, started + FAILING_MS - Date.now())));
    const failedCalls = receiver.calls.length;
    expect(receiver.calls.some((c) => c.answer === 500)).toBe(true);
    expect(receiver.calls.some((c) => c.answer === "none")).toBe(true);
    const sentWhileFailing = await stack.t.context.db.messages.countDocuments({
      journeyId: stack.journeyId,
      status: "sent",
    });
    expect(sentWhileFailing).toBe(0);
    receiver.heal();
    const healed = Date.now();

    await expectEverythingOnce(stack, EVENT, sent, { emails: false });
    // HTTP providers deliver at least once (docs/runtime.md, "What exactly once means here"): every attempt of a
    // profile's delivery carries the key of its first, one key per profile, so a receiver that de-duplicates by
    // Idempotency-Key, as docs/providers.md asks, accepts each exactly once.
    const accepted = await eventually(
      async () => {
        const keys = new Set(receiver.calls.filter((c) => c.answer === 200).map((c) => c.key));
        return keys.size >= stack.users.length ? keys : null;
      },
      30_000,
      "a delivery accepted for every profile",
    );
    await new Promise((r) => setTimeout(r, 1_000));
    const keys = new Set(receiver.calls.map((c) => c.key));
    expect(keys.size).toBe(stack.users.length);
    expect(accepted.size).toBe(stack.users.length);
    const paths = new Map(receiver.calls.map((c) => [c.key, new Set<string>()]));
    for (const c of receiver.calls) paths.get(c.key)?.add(c.path);
    expect([...paths.values()].every((p) => p.size === 1)).toBe(true);
    const copies = receiver.calls.filter((c) => c.answer === 200).length;
    console.log(
      `provider faults: ${failedCalls} calls refused (500 or no answer) in ${((healed - started) / 1000).toFixed(0)} s, then ${accepted.size} deliveries accepted (${copies} 200s in all: copies of a delivery under its one key) within ${((Date.now() - healed) / 1000).toFixed(0)} s; ${receiver.calls.length} calls in all`,
    );
  }, 400_000);
});
