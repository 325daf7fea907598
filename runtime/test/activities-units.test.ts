import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ProfileSnapshot } from "@omnijourney/shared";
import { describe, expect, it } from "vitest";
import { CounterBatcher } from "@omnijourney/store";
import { progressEffect } from "../src/activities/progress.js";
import { HandOverJournal } from "../src/activities/handover-journal.js";
import { MemoryStore } from "../src/activities/memory-store.js";
import {
  addressOf,
  consentProblem,
  RECOVERED_AFTER_HANDOVER,
  sendMessage,
  type SendRequest,
} from "../src/activities/send.js";
import { createProviders } from "../src/providers/factory.js";
import { normaliseSettings } from "../src/settings/workspace-settings.js";

const profile = (p: Partial<ProfileSnapshot>): ProfileSnapshot => ({
  profileId: "p1",
  anonymousIds: [],
  attributes: {},
  consent: {},
  counters: {},
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...p,
});

describe("send rules", () => {
  it("needs opt-in for marketing SMS and WhatsApp, an absent opt-out elsewhere", () => {
    expect(consentProblem("sms", "marketing", profile({}))).toBe("no_consent");
    expect(
      consentProblem(
        "sms",
        "marketing",
        profile({
          consent: { sms: { marketing: "subscribed", transactional: "unknown", history: [] } },
        }),
      ),
    ).toBeNull();
    expect(consentProblem("email", "marketing", profile({}))).toBeNull();
    expect(
      consentProblem(
        "email",
        "marketing",
        profile({
          consent: { email: { marketing: "unsubscribed", transactional: "unknown", history: [] } },
        }),
      ),
    ).toBe("no_consent");
  });

  it("lets transactional messages through marketing opt-outs but not a transactional block", () => {
    const optedOut = profile({
      consent: { email: { marketing: "unsubscribed", transactional: "unknown", history: [] } },
    });
    expect(consentProblem("email", "transactional", optedOut)).toBeNull();
    const blocked = profile({
      consent: { email: { marketing: "unknown", transactional: "unsubscribed", history: [] } },
    });
    expect(consentProblem("email", "transactional", blocked)).toBe("transactional_unsubscribed");
  });

  it("finds each channel's address on the profile (webhooks from the rendered URL)", () => {
    const p = profile({
      attributes: {
        email: "a@b.c",
        phone: "+1555",
        telegramChatId: 42,
        pushSubscriptions: [
          { endpoint: "https://p", keys: { p256dh: "k", auth: "a" } },
          { bogus: true },
        ],
      },
    });
    expect(addressOf("email", p, {})).toBe("a@b.c");
    expect(addressOf("whatsapp", p, {})).toBe("+1555");
    expect(addressOf("telegram", p, {})).toBe("42");
    expect(addressOf("push", p, {})).toHaveLength(1);
    expect(addressOf("webhook", p, { url: "https://hook" })).toBe("https://hook");
    expect(addressOf("inapp", p, {})).toBe("p1");
    expect(addressOf("email", profile({}), {})).toBeNull();
  });
});

describe("progress and counters", () => {
  it("folds a progress batch into projection fields and per-node $inc documents", () => {
    const enrolment = {
      journeyId: "j",
      version: 1,
      profileId: "p",
      workflowId: "w",
      enrolmentId: "w/r",
    };
    const effect = progressEffect({
      enrolment,
      seq: 1,
      startedAt: "2026-01-01T00:00:00Z",
      ops: [
        { op: "enter", nodeId: "a", at: "2026-01-01T00:00:00Z" },
        { op: "leave", nodeId: "a", port: "yes.$" },
        { op: "enter", nodeId: "b", at: "2026-01-01T00:00:01Z" },
        {
          op: "convert",
          at: "2026-01-01T00:00:02Z",
          revenue: 10,
          nodes: ["a", "b"],
          ports: [{ nodeId: "a", port: "yes.$" }],
        },
        { op: "end", status: "converted", at: "2026-01-01T00:00:02Z" },
      ],
    });
    expect(effect.fields).toMatchObject({
      currentNodeId: "b",
      status: "converted",
      revenue: 10,
      waitingFor: null,
    });
    expect(effect.increments.get("a")).toEqual({
      entered: 1,
      active: 0,
      completed: 1,
      "ports.yes%2E%24": 1,
      converted: 1,
      revenue: 10,
      "portConversions.yes%2E%24": 1,
      "portRevenue.yes%2E%24": 10,
    });
    expect(effect.increments.get("b")).toEqual({
      entered: 1,
      active: 1,
      converted: 1,
      revenue: 10,
    });
  });

  it("group-commits concurrent increments for one document and settles every caller", async () => {
    const writes: Record<string, number>[] = [];
    const batcher = new CounterBatcher(async (_key, inc) => {
      writes.push(inc);
      await new Promise((r) => setTimeout(r, 5));
    });
    await Promise.all(Array.from({ length: 50 }, () => batcher.add("k", { entered: 1 })));
    expect(writes.reduce((sum, w) => sum + (w.entered ?? 0), 0)).toBe(50);
    expect(writes.length).toBeLessThanOrEqual(2);
  });
});

describe("workspace settings", () => {
  it("merges a partial stored document over the defaults", () => {
    const s = normaliseSettings({
      quietHours: { start: "22:00" },
      frequencyCap: { limit: 2, window: { amount: 12, unit: "hour" } },
      channelCosts: { sms: 0.07 },
    });
    expect(s.quietHours).toEqual({
      enabled: true,
      start: "22:00",
      end: "08:00",
      defaultTimezone: "UTC",
    });
    expect(s.frequencyCap).toEqual({
      enabled: true,
      limit: 2,
      window: { amount: 12, unit: "hour" },
      action: "skip",
    });
    expect(s.channelCosts.sms).toBe(0.07);
    expect(s.channelCosts.email).toBe(0.001);
    expect(normaliseSettings(null).providers).toEqual({});
  });
});

describe("a send retried after its provider's point of no return", () => {
  const request = (idempotencyKey: string): SendRequest => ({
    enrolment: { journeyId: "j", version: 1, profileId: "p1", workflowId: "w", enrolmentId: "w/r" },
    nodeId: "m",
    idempotencyKey,
    channel: "email",
    content: { subject: "Hi", body: "Hello" },
    category: "transactional",
    event: null,
    at: new Date("2026-01-01T12:00:00Z"),
    policy: { respectQuietHours: false, frequencyCapped: false },
  });

  function setUp() {
    const store = new MemoryStore(
      profile({ attributes: { email: "ada@example.test" } }),
      async () => normaliseSettings({ channelCosts: { email: 0.002 } }),
      async () => null,
    );
    const delivered: string[] = [];
    const providers = createProviders(
      { email: { provider: "sandbox" } },
      { sandboxRecorder: (record) => void delivered.push(record.message.idempotencyKey) },
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omnij-journal-"));
    const journal = new HandOverJournal(path.join(dir, "handover.log"));
    /** What an attempt killed mid-send leaves: the "queued" claim naming the journal it used. */
    const interruptedAttempt = (key: string, attemptJournal: string) =>
      store.writeMessage({
        idempotencyKey: key,
        status: "queued",
        at: new Date("2026-01-01T12:00:00Z"),
        journeyId: "j",
        version: 1,
        nodeId: "m",
        workflowId: "w",
        profileId: "p1",
        channel: "email",
        category: "transactional",
        attemptJournal,
      });
    return { store, delivered, journal, interruptedAttempt, deps: { store, providers, journal } };
  }

  it("records a message whose hand-over is in the journal as sent, without sending it again", async () => {
    const { store, delivered, journal, interruptedAttempt, deps } = setUp();
    await interruptedAttempt("w/r:m:1", journal.id);
    journal.record("w/r:m:1");

    expect(await sendMessage(deps, request("w/r:m:1"))).toMatchObject({
      status: "sent",
      cost: 0.002,
    });
    expect(delivered).toEqual([]);
    expect(store.messages.get("w/r:m:1")).toMatchObject({
      status: "sent",
      reason: RECOVERED_AFTER_HANDOVER,
    });
  });

  it("sends again a message that was claimed but never handed over", async () => {
    const { delivered, journal, interruptedAttempt, deps } = setUp();
    journal.record("w/r:m:other");
    await interruptedAttempt("w/r:m:2", journal.id);
    expect(await sendMessage(deps, request("w/r:m:2"))).toMatchObject({ status: "sent" });
    expect(delivered).toEqual(["w/r:m:2"]);
  });

  it("sends again when the interrupted attempt ran on another host (its journal is out of reach)", async () => {
    const { delivered, journal, interruptedAttempt, deps } = setUp();
    await interruptedAttempt("w/r:m:3", "elsewhere:/tmp/handover.log");
    journal.record("w/r:m:3");
    expect(await sendMessage(deps, request("w/r:m:3"))).toMatchObject({ status: "sent" });
    expect(delivered).toEqual(["w/r:m:3"]);
  });
});
