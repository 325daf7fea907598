// The SMTP relay refuses connections for 20 s (nothing listens on its port) while a journey sends to 30
// profiles: every send fails as "connection refused", is retried by its activity, and once the relay listens
// again every profile gets its email exactly once, its message logged once as sent, its enrolment completed.
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { welcomeJourney } from "../fixtures.js";
import { eventually } from "../helpers/api.js";
import { expectEverythingOnce } from "./invariants.js";
import { startFaultStack, type FaultStack } from "./stack.js";
import { startTcpGate, type TcpGate } from "./tcp-gate.js";
import { acknowledgedBurst } from "./stream.js";

const EVENT = "Fault SMTP";
const REFUSING_MS = 20_000;
let stack: FaultStack;
let gate: TcpGate;

beforeAll(async () => {
  const sink = new URL(inject("engines").smtpUrl);
  gate = await startTcpGate({ host: sink.hostname, port: Number(sink.port) });
  await gate.shut();
  stack = await startFaultStack("smtp_refusing", {
    journey: welcomeJourney(EVENT),
    profiles: 30,
    worker: { smtpUrl: `smtp://127.0.0.1:${gate.port}` },
  });
});
afterAll(async () => {
  await stack?.close();
  await gate?.close();
});

describe("SMTP relay refusing connections", () => {
  it("retries each send while the relay refuses, then delivers every email exactly once", async () => {
    const started = Date.now();
    const sent = await acknowledgedBurst(stack, EVENT);

    // Sends are attempted and fail while the relay is down: Temporal retries them, none is sent.
    const db = stack.t.context.db;
    const client = stack.t.context.temporal;
    const retrying = await eventually(
      async () => {
        let n = 0;
        for await (const w of client.workflow.list({
          query: `TaskQueue = "${stack.t.taskQueue}"`,
        })) {
          const pending = (await client.workflow.getHandle(w.workflowId).describe()).raw
            .pendingActivities;
          if (pending?.some((a) => (a.attempt ?? 0) >= 2)) n++;
        }
        return n >= 10 ? n : null;
      },
      REFUSING_MS,
      "sends retried while the relay refuses",
    );
    await new Promise((r) => setTimeout(r, Math.max(0, started + REFUSING_MS - Date.now())));
    const sentWhileRefused = await db.messages.countDocuments({
      journeyId: stack.journeyId,
      status: "sent",
    });
    expect(sentWhileRefused).toBe(0);
    expect(gate.forwarded()).toBe(0);
    const opened = Date.now();
    await gate.open();

    await expectEverythingOnce(stack, EVENT, sent);
    console.log(
      `smtp refusing: ${sent.length} events, relay refused for ${((opened - started) / 1000).toFixed(0)} s; ${retrying} or more sends retrying meanwhile; all 30 emails delivered once ${((Date.now() - opened) / 1000).toFixed(0)} s after it listened again (${gate.forwarded()} connections)`,
    );
  }, 400_000);
});
