import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WRITE_KEY, eventually, startTestApi, type TestApi } from "./helpers/api.js";
import { startApiProcess as startChild } from "./helpers/api-child.js";
import { waitingJourney } from "./fixtures.js";

let t: TestApi;
let child: ChildProcess | null = null;

beforeAll(async () => {
  // The in-process API only sets up the database and the journey; the process under test is a child.
  t = await startTestApi("sigkill");
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await t?.close();
});

describe("crash safety", () => {
  it("after SIGKILL in the middle of a stream of batches, every acknowledged event is stored and fanned out exactly once", async () => {
    const { id } = (await (
      await t.api("/api/journeys", { body: waitingJourney("Kill Test") })
    ).json()) as { id: string };
    expect((await t.api(`/api/journeys/${id}/publish`, { method: "POST" })).status).toBe(200);
    await t.context.fanout.stop(); // only the child processes the outbox in this test

    const first = await startChild(t.dbName, t.taskQueue);
    child = first.proc;
    const auth = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}`;
    const acknowledged: string[] = [];
    const run = randomBytes(3).toString("hex");
    let killed = false;
    const sendBatch = async (b: number) => {
      const batch = Array.from({ length: 20 }, (_, i) => ({
        type: "track",
        userId: `k-${b}-${i % 5}`,
        event: "Kill Test",
        messageId: `${run}-${b}-${i}`,
      }));
      try {
        const res = await fetch(`${first.url}/v1/batch`, {
          method: "POST",
          headers: { authorization: auth, "content-type": "application/json" },
          body: JSON.stringify({ batch }),
        });
        if (res.status === 200) acknowledged.push(...batch.map((e) => e.messageId));
      } catch {
        // The connection died with the process: not acknowledged, the client would retry.
      }
    };
    const streams = [0, 1, 2].map(async (lane) => {
      for (let b = lane; b < 300 && !killed; b += 3) await sendBatch(b);
    });
    await eventually(async () => acknowledged.length >= 100, 60_000, "some acknowledged batches");
    first.proc.kill("SIGKILL");
    killed = true;
    await Promise.all(streams);
    expect(acknowledged.length).toBeGreaterThanOrEqual(100);

    const second = await startChild(t.dbName, t.taskQueue);
    child = second.proc;
    const stored = await t.context.db.events
      .find({ event: "Kill Test" }, { projection: { messageId: 1 } })
      .toArray();
    const storedIds = new Set(stored.map((e) => e.messageId));
    for (const m of acknowledged) expect(storedIds.has(m), m).toBe(true);

    const drainStart = Date.now();
    await eventually(
      async () => (await t.context.db.outbox.countDocuments({})) === 0,
      150_000,
      "the outbox to drain after restart",
    );
    console.log(
      `stored ${storedIds.size} (acknowledged ${acknowledged.length}); drained after restart in ${Date.now() - drainStart} ms`,
    );
    // Exactly once: one workflow execution per stored event (the journey re-enters per event), none twice. Temporal's
    // own list is the ground truth (a process killed between the start and the projection write leaves no row yet).
    const executions = await eventually(
      async () => {
        const runs: string[] = [];
        for await (const w of t.context.temporal.workflow.list({
          query: `TaskQueue = "${t.taskQueue}"`,
        }))
          runs.push(w.workflowId);
        return runs.length >= storedIds.size ? runs : null;
      },
      30_000,
      "workflow visibility",
    );
    expect(new Set(executions).size).toBe(executions.length);
    expect(executions.length).toBe(storedIds.size);
    const enrolments = await t.context.db.enrolments
      .find({ journeyId: id }, { projection: { workflowId: 1 } })
      .toArray();
    expect(new Set(enrolments.map((e) => String(e.workflowId))).size).toBe(enrolments.length);
    // Counters were applied once per stored event.
    const profiles = await t.context.db.profiles.find({ _id: { $regex: "^k-" } }).toArray();
    const counted = profiles.reduce((a, p) => a + (p.counters["Kill Test"]?.count ?? 0), 0);
    expect(counted).toBe(storedIds.size);
  }, 240_000);
});
