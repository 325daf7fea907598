// A worker SIGKILLed at either side of SMTP's point of no return (the "." that ends DATA), made
// deterministic by a relay that stalls there: the retry neither loses nor doubles the message.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { Client, Connection } from "@temporalio/client";
import { compileJourney, type JourneyDocumentInput } from "@omnijourney/shared";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, inject, it } from "vitest";
import { RECOVERED_AFTER_HANDOVER } from "../src/activities/send.js";
import { writeWorkflowBundle } from "../src/bundle.js";
import { createJourneyRuntime } from "../src/client.js";
import { eventually } from "./helpers/wait.js";
import { killHard, startWorkerProcess } from "./helpers/worker-process.js";
import {
  connectStore,
  newJourneyVersion,
  newProfile,
  newSettings,
  WORKSPACE_SETTINGS_ID,
} from "@omnijourney/store";

const engines = inject("engines");
const suffix = randomBytes(3).toString("hex");
const dbName = `omnij_handover_${suffix}`;
const taskQueue = `handover-${suffix}`;
const bundleFile = path.join(os.tmpdir(), `omnij-bundle-handover-${suffix}.js`);
const journalFile = path.join(os.tmpdir(), `omnij-handover-test-${suffix}.log`);
const STALL_AFTER_DATA = "after-data@handover.example";
const STALL_BEFORE_DATA = "before-data@handover.example";

/**
 * A real SMTP relay that keeps every message whose DATA ended. While `stalling`, it holds the reply
 * to RCPT for STALL_BEFORE_DATA (the client never gets to send the message) and the final reply
 * after DATA for STALL_AFTER_DATA (the relay has the message; the client waits for its 250).
 */
async function stallingRelay() {
  const received: string[] = [];
  const state = { stalling: true, stalledBefore: false, stalledAfter: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.stalling && address.address === STALL_BEFORE_DATA) {
        state.stalledBefore = true;
        return; // never answered: the worker is killed while waiting
      }
      callback();
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      stream.resume();
      stream.on("end", () => {
        received.push(...to);
        if (state.stalling && to.includes(STALL_AFTER_DATA)) {
          state.stalledAfter = true;
          return; // the message is in; the 250 never comes
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // smtp-server's net.Server listens on TCP: its address is an AddressInfo.
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const journey: JourneyDocumentInput = {
  name: "Hand-over",
  nodes: [
    { id: "t", type: "trigger.manual", config: {} },
    { id: "m", type: "message.email", config: { subject: "Hello {{ profile.id }}", body: "hi" } },
    { id: "x", type: "exit", config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "m" },
    { id: "e2", source: "m", target: "x" },
  ],
  settings: { respectQuietHours: false, frequencyCapped: false },
};

const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) await killHard(child);
  for (const file of [bundleFile, journalFile]) fs.rmSync(file, { force: true });
});

describe("a worker killed at the SMTP hand-over", () => {
  it(
    "sends once a message the relay already had, and once a message it never got",
    { timeout: 180_000 },
    async () => {
      const relay = await stallingRelay();
      await writeWorkflowBundle(bundleFile);
      const db = await connectStore(engines.mongoUri, { dbName });
      const models = db.collections;
      await models.settings.insertOne(newSettings({ _id: WORKSPACE_SETTINGS_ID }));
      await models.journeyVersions.insertOne(
        newJourneyVersion({
          journeyId: "handover",
          version: 1,
          plan: compileJourney(journey),
          document: journey,
          hash: "h",
        }),
      );
      await models.profiles.insertMany([
        newProfile({
          profileId: "after",
          anonymousIds: [],
          attributes: { email: STALL_AFTER_DATA },
        }),
        newProfile({
          profileId: "before",
          anonymousIds: [],
          attributes: { email: STALL_BEFORE_DATA },
        }),
      ]);
      const connection = await Connection.connect({ address: engines.temporalAddress });
      const runtime = createJourneyRuntime({
        temporal: new Client({ connection, namespace: engines.temporalNamespace }),
        models,
        taskQueue,
      });
      const worker = () =>
        startWorkerProcess({
          MONGODB_URI: engines.mongoUri,
          OMNIJ_DB: dbName,
          TEMPORAL_ADDRESS: engines.temporalAddress,
          TEMPORAL_NAMESPACE: engines.temporalNamespace,
          SMTP_URL: relay.url,
          OMNIJOURNEY_TASK_QUEUE: taskQueue,
          OMNIJOURNEY_WORKFLOW_BUNDLE: bundleFile,
          OMNIJOURNEY_HANDOVER_JOURNAL: journalFile,
        }).then((child) => (children.push(child), child));
      try {
        const first = await worker();
        for (const profileId of ["after", "before"])
          await runtime.enrol({ journeyId: "handover", version: 1, profileId });
        await eventually(async () => relay.state.stalledAfter && relay.state.stalledBefore, {
          timeoutMs: 60_000,
          what: "both sends to stall at the relay",
        });
        await killHard(first);
        relay.state.stalling = false;

        // Temporal retries the two interrupted send activities once their 30 s timeout expires.
        await worker();
        await eventually(
          async () =>
            (await models.enrolments.countDocuments({
              journeyId: "handover",
              status: "completed",
            })) === 2,
          { timeoutMs: 120_000, intervalMs: 500, what: "both enrolments to complete" },
        );

        expect(relay.received.filter((to) => to === STALL_AFTER_DATA)).toHaveLength(1);
        expect(relay.received.filter((to) => to === STALL_BEFORE_DATA)).toHaveLength(1);
        const after = await models.messages.findOne({ profileId: "after" });
        expect(after).toMatchObject({ status: "sent", reason: RECOVERED_AFTER_HANDOVER });
        const before = await models.messages.findOne({ profileId: "before" });
        expect(before?.status).toBe("sent");
        // Claimed by the killed attempt, claimed again by the retry that delivered it.
        expect(before?.statusHistory.map((h) => h.status)).toEqual(["queued", "queued", "sent"]);
      } finally {
        for (const child of children) await killHard(child); // before the database goes
        await runtime.close();
        await connection.close();
        await relay.close();
        await db.db.dropDatabase().catch(() => undefined);
        await db.close();
      }
    },
  );
});
