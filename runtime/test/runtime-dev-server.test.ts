import { randomBytes } from "node:crypto";
import { Client, Connection } from "@temporalio/client";
import { compileJourney, type JourneyDocumentInput } from "@omnijourney/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createJourneyRuntime, type JourneyRuntime } from "../src/client.js";
import { startWorker, type RunningWorker } from "../src/worker.js";
import { eventually } from "./helpers/wait.js";
import {
  newJourney,
  newJourneyVersion,
  newProfile,
  newSettings,
  WORKSPACE_SETTINGS_ID,
} from "@omnijourney/store";

const engines = inject("engines");
const suffix = randomBytes(3).toString("hex");
const taskQueue = `dev-${suffix}`;
let worker: RunningWorker;
let connection: Connection;
let runtime: JourneyRuntime;

const welcome: JourneyDocumentInput = {
  name: "Welcome",
  nodes: [
    { id: "t", type: "trigger.event", config: { event: "signed_up" } },
    {
      id: "m",
      type: "message.email",
      config: {
        subject: "Welcome {{ profile.firstName }} ({{ event.properties.plan }})",
        body: "<p>Hello</p>",
      },
    },
    {
      id: "w",
      type: "wait.event",
      config: { event: "email_opened", timeout: { amount: 2, unit: "day" } },
    },
    { id: "x", type: "exit", config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "m" },
    { id: "e2", source: "m", target: "w" },
    { id: "e3", source: "w", sourceHandle: "received", target: "x" },
    { id: "e4", source: "w", sourceHandle: "timeout", target: "x" },
  ],
};

beforeAll(async () => {
  worker = await startWorker({
    mongoUri: engines.mongoUri,
    mongoDbName: `omnij_devserver_${suffix}`,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    smtpUrl: engines.smtpUrl,
    taskQueue,
    providerSettings: {},
    handleSignals: false,
  });
  const { models } = worker;
  await models.settings.insertOne(
    newSettings({ _id: WORKSPACE_SETTINGS_ID, quietHours: { enabled: false } }),
  );
  await models.journeys.insertOne(
    newJourney({
      _id: "welcome",
      name: "Welcome",
      document: welcome,
      status: "live",
      liveVersion: 1,
    }),
  );
  await models.journeyVersions.insertOne(
    newJourneyVersion({
      journeyId: "welcome",
      version: 1,
      plan: compileJourney(welcome),
      document: welcome,
      hash: "h1",
    }),
  );
  connection = await Connection.connect({ address: engines.temporalAddress });
  runtime = createJourneyRuntime({
    temporal: new Client({ connection, namespace: engines.temporalNamespace }),
    models,
    taskQueue,
  });
});

afterAll(async () => {
  await runtime?.close();
  await connection?.close();
  await worker?.models.raw.dropDatabase().catch(() => undefined);
  await worker?.stop();
});

describe("runtime on the Temporal dev server with the embedded engine and MailDev", () => {
  it("enrols once, sends through SMTP, waits, reacts to a signalled event and records the enrolment", async () => {
    const email = `ada-${suffix}@example.com`;
    await worker.models.profiles.insertOne(
      newProfile({
        profileId: "ada",
        attributes: { email, firstName: "Ada" },
      }),
    );
    const event = {
      event: "signed_up",
      properties: { plan: "pro" },
      timestamp: new Date().toISOString(),
      messageId: "evt-1",
    };
    const first = await runtime.enrol({ journeyId: "welcome", profileId: "ada", event });
    expect(first).toMatchObject({ started: true, version: 1 });
    expect(await runtime.enrol({ journeyId: "welcome", profileId: "ada", event })).toMatchObject({
      started: false,
      reason: "already_enrolled",
    });

    if (!first.started) throw new Error("not started");
    const state = await eventually(
      async () => {
        const s = await runtime.enrolmentState(first.workflowId);
        return s.currentNodeId === "w" && s.waitingFor ? s : null;
      },
      { what: "the enrolment to wait at w" },
    );
    expect(state.waitingFor).toMatchObject({ kind: "event", events: ["email_opened"] });

    const mail = await eventually(
      async () => {
        const res = await fetch(`${engines.mailApiUrl}/email`);
        const list = (await res.json()) as { subject: string; to: { address: string }[] }[];
        return list.find((m) => m.to.some((t) => t.address === email));
      },
      { what: "the email in MailDev" },
    );
    expect(mail.subject).toBe("Welcome Ada (pro)");
    expect(await worker.models.messages.findOne({ profileId: "ada" })).toMatchObject({
      status: "sent",
      provider: "smtp",
      channel: "email",
    });

    expect(
      await runtime.signalEvent({
        profileId: "ada",
        event: { event: "email_opened", properties: {}, timestamp: new Date().toISOString() },
      }),
    ).toBe(1);
    const enrolment = await eventually(
      () =>
        worker.models.enrolments.findOne({
          workflowId: first.workflowId,
          status: "completed",
        }),
      {
        what: "the enrolment to complete",
      },
    );
    expect(enrolment).toMatchObject({ currentNodeId: "x", journeyId: "welcome", version: 1 });
    const stats = await worker.models.nodeStats.find({ journeyId: "welcome" }).toArray();
    const byNode = Object.fromEntries(stats.map((s) => [s.nodeId, s]));
    expect(byNode.w).toMatchObject({ entered: 1, active: 0, completed: 1, ports: { received: 1 } });
    // The profile's journeys record: entered once, nothing running, so no further event is signalled to it,
    // and "never re-enter" holds after the enrolment ended (its workflow id could be reused by then).
    await eventually(
      async () => {
        const record = await worker.models.profileJourneys.findOne({ _id: "ada" });
        return record?.active?.length === 0 ? record : null;
      },
      { what: "the ended enrolment to leave the running list" },
    );
    expect(await worker.models.profileJourneys.findOne({ _id: "ada" })).toMatchObject({
      entered: { welcome: 1 },
    });
    expect(
      await runtime.signalEvent({
        profileId: "ada",
        event: { event: "email_opened", properties: {}, timestamp: new Date().toISOString() },
      }),
    ).toBe(0);
    expect(await runtime.enrol({ journeyId: "welcome", profileId: "ada", event })).toMatchObject({
      started: false,
      reason: "already_enrolled",
    });
  });

  it("cancels the running enrolments of a journey (archive)", async () => {
    await worker.models.profiles.insertOne(newProfile({ profileId: "bob", attributes: {} }));
    const started = await runtime.enrol({ journeyId: "welcome", profileId: "bob" });
    if (!started.started) throw new Error("not started");
    await eventually(
      async () => (await runtime.enrolmentState(started.workflowId)).currentNodeId === "w",
      { what: "bob waiting" },
    );
    expect(await runtime.cancelEnrolments({ journeyId: "welcome" })).toBe(1);
    const enrolment = await eventually(
      () =>
        worker.models.enrolments.findOne({
          workflowId: started.workflowId,
          status: "cancelled",
        }),
      {
        what: "the enrolment to be cancelled",
      },
    );
    expect(enrolment.endedAt).toBeInstanceOf(Date);
    expect(await worker.models.messages.findOne({ profileId: "bob" })).toMatchObject({
      status: "suppressed",
      reason: "no_address",
    });
  });
});
