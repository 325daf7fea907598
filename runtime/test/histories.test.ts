/**
 * The determinism guard: histories recorded from real runs are committed in test/histories and must
 * replay against the current workflow code. Re-record (after an intended, `patched` change) with
 * OMNIJOURNEY_RECORD_HISTORIES=1 npx vitest run test/histories.test.ts
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { temporal } from "@temporalio/proto";
import { Worker } from "@temporalio/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignVariant } from "@omnijourney/shared";
import { workflowBundle } from "../src/bundle.js";
import { createJourneyTestEnv, linear, type JourneyTestEnv } from "./helpers/journey-env.js";

// Serialised with @temporalio/proto's own protobufjs (toObject/fromObject): @temporalio/common's
// historyToJSON goes through proto3-json-serializer, which resolves a different protobufjs major
// in this install and fails with "type must be a Type".
const { History } = temporal.api.history.v1;
type History = temporal.api.history.v1.IHistory;
const historyToJSON = (history: History): string =>
  JSON.stringify(
    History.toObject(History.fromObject(history), {
      longs: String,
      bytes: String,
      defaults: false,
    }),
  );
const historyFromJSON = (json: unknown): History =>
  History.fromObject(json as Record<string, unknown>); // JSON written by historyToJSON above

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "histories");
const record =
  process.env.OMNIJOURNEY_RECORD_HISTORIES === "1" ||
  fs.readdirSync(dir).filter((f) => f.endsWith(".json")).length === 0;

describe.runIf(record)("recording journey histories", () => {
  let t: JourneyTestEnv;
  beforeAll(async () => {
    t = await createJourneyTestEnv("histories");
    await t.setSettings({
      quietHours: { enabled: false },
      frequencyCap: { enabled: true, limit: 5, window: { amount: 1, unit: "day" }, action: "skip" },
    });
  });
  afterAll(() => t?.close());

  const save = async (name: string, handle: { fetchHistory(): Promise<History> }) => {
    fs.writeFileSync(path.join(dir, `${name}.json`), historyToJSON(await handle.fetchHistory()));
  };

  it("records a webinar journey: email, wait.event timeout, telegram, goal", async () => {
    await t.createProfile("h-webinar", {
      attributes: { email: "h@example.com", telegramChatId: "7", firstName: "Hal" },
    });
    const plan = t.compile({
      name: "webinar",
      nodes: [
        { id: "t", type: "trigger.event", config: { event: "webinar_registered" } },
        {
          id: "m1",
          type: "message.email",
          config: { subject: "Hi {{ profile.firstName }}", body: "b" },
        },
        {
          id: "w",
          type: "wait.event",
          config: { event: "email_opened", timeout: { amount: 1, unit: "day" } },
        },
        { id: "m2", type: "message.telegram", config: { text: "Reminder" } },
        { id: "x", type: "exit", config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "m1" },
        { id: "e2", source: "m1", target: "w" },
        { id: "e3", source: "w", sourceHandle: "received", target: "x" },
        { id: "e4", source: "w", sourceHandle: "timeout", target: "m2" },
        { id: "e5", source: "m2", target: "x" },
      ],
      settings: { goal: { event: "purchase", within: { amount: 7, unit: "day" } } },
    });
    const handle = await t.start(plan, "h-webinar", { event: t.event("webinar_registered") });
    await handle.result();
    await save("webinar-timeout", handle);
  });

  it("records branches, a cascade answered on its second channel, an experiment and a profile update", async () => {
    await t.createProfile("h-mix", {
      attributes: { email: "m@example.com", phone: "+15550001", country: "DE" },
      consent: { sms: { marketing: "subscribed" } },
    });
    const doc = {
      name: "mix",
      nodes: [
        { id: "t", type: "trigger.manual", config: {} },
        {
          id: "b",
          type: "branch.condition",
          config: { condition: { attr: "country", op: "eq", value: "DE" } },
        },
        {
          id: "split",
          type: "experiment.split",
          config: {
            variants: [
              { id: "A", weight: 50 },
              { id: "B", weight: 50 },
            ],
          },
        },
        {
          id: "c",
          type: "message.cascade",
          config: {
            steps: [
              {
                channel: "email",
                content: { subject: "s", body: "b" },
                window: { amount: 1, unit: "hour" },
              },
              { channel: "sms", content: { text: "t" }, window: { amount: 1, unit: "hour" } },
            ],
          },
        },
        {
          id: "u",
          type: "profile.update",
          config: { assignments: [{ op: "increment", attr: "nudges", by: 1 }] },
        },
        { id: "x", type: "exit", config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "b" },
        { id: "e2", source: "b", sourceHandle: "yes", target: "split" },
        { id: "e3", source: "b", sourceHandle: "no", target: "x" },
        { id: "e4", source: "split", sourceHandle: "A", target: "c" },
        { id: "e5", source: "split", sourceHandle: "B", target: "c" },
        { id: "e6", source: "c", sourceHandle: "responded", target: "u" },
        { id: "e7", source: "c", sourceHandle: "exhausted", target: "x" },
        { id: "e8", source: "u", target: "x" },
      ],
    };
    const handle = await t.start(t.compile(doc), "h-mix");
    await t.env.sleep("90 minutes");
    await handle.signal("event", t.event("message_replied"));
    expect((await handle.result()).outcome).toBe("completed");
    await save("mix-cascade-experiment", handle);
  });

  it("records an experiment arm recorded durably (patch experiment-assignment-recorded) and a holdout's goal window", async () => {
    let profileId = "";
    for (let i = 0; !profileId; i++)
      if (
        assignVariant("j-arm", "split", `h-arm-${i}`, [{ id: "A", weight: 100 }], 50) === "holdout"
      )
        profileId = `h-arm-${i}`;
    await t.createProfile(profileId, { attributes: { email: "arm@example.com" } });
    const doc = {
      name: "arm",
      nodes: [
        { id: "t", type: "trigger.manual", config: {} },
        {
          id: "split",
          type: "experiment.split",
          config: { variants: [{ id: "A", weight: 100 }], holdout: 50 },
        },
        { id: "m", type: "message.email", config: { subject: "s", body: "b" } },
      ],
      edges: [
        { id: "e1", source: "t", target: "split" },
        { id: "e2", source: "split", sourceHandle: "A", target: "m" },
      ],
      settings: { goal: { event: "purchase", within: { amount: 7, unit: "day" as const } } },
    };
    const handle = await t.start(t.compile(doc), profileId, { journeyId: "j-arm" });
    await t.env.sleep("1 day");
    await handle.signal("event", t.event("purchase"));
    await handle.result();
    await save("experiment-assignment-recorded", handle);
  });

  it("records an enrolment ended by an exit event while waiting", async () => {
    await t.createProfile("h-exit");
    const plan = t.compile(
      linear("exit", [{ id: "w", type: "wait.duration", config: { amount: 2, unit: "day" } }], {
        exitOn: [{ event: "unsubscribed" }],
      }),
    );
    const handle = await t.start(plan, "h-exit");
    await t.env.sleep("1 day");
    await handle.signal("event", t.event("unsubscribed"));
    await handle.result();
    await save("exit-on-event", handle);
  });
});

describe("replaying committed histories", () => {
  it("replays every history in test/histories against the current workflow code", async () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const histories = files.map((f) => ({
      workflowId: f,
      history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as unknown),
    }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: await workflowBundle() },
      histories,
    )) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
