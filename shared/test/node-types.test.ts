import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  builtInNodeTypes,
  defineNodeType,
  describeNodeType,
  NodeTypeRegistry,
  nodeTypes,
  type NodeServices,
  type SendOutcome,
} from "../src/index.js";

const cond = {
  all: [
    { attr: "country", op: "eq", value: "DE" },
    { event: "purchase", op: "count_gte", value: 2, within: { amount: 30, unit: "day" } },
  ],
};

/** For every built-in type: configs it must accept and configs it must reject. */
const cases: Record<string, { valid: unknown[]; invalid: unknown[] }> = {
  "trigger.event": {
    valid: [
      { event: "signed_up" },
      { event: "purchase", where: { attr: "plan", op: "in", value: ["pro", "team"] } },
    ],
    invalid: [{}, { event: "" }, { event: "x", where: { event: "y", op: "performed" } }],
  },
  "trigger.segment": {
    valid: [{ segmentId: "vip" }, { segmentId: "vip", enrolExisting: true }],
    invalid: [{}, { segmentId: 3 }],
  },
  "trigger.manual": { valid: [{}], invalid: [null, "x"] },
  "message.email": {
    valid: [
      { subject: "Hi", body: "<p>x</p>" },
      { subject: "Hi", body: "b", category: "transactional", preheader: "p" },
    ],
    invalid: [
      { subject: "Hi" },
      { subject: "", body: "b" },
      { subject: "a", body: "b", category: "spam" },
    ],
  },
  "message.sms": { valid: [{ text: "Hi" }], invalid: [{}, { text: "x".repeat(1601) }] },
  "message.push": {
    valid: [{ title: "T", body: "B", url: "https://x" }],
    invalid: [{ title: "T" }],
  },
  "message.telegram": { valid: [{ text: "Hi" }], invalid: [{ text: 5 }] },
  "message.whatsapp": { valid: [{ text: "Hi" }], invalid: [{}] },
  "message.webhook": {
    valid: [
      { url: "https://example.com/hook", body: "{}" },
      { url: "https://x", method: "PUT" },
    ],
    invalid: [{}, { url: "https://x", method: "DELETE" }],
  },
  "message.inapp": { valid: [{ title: "T", body: "B" }], invalid: [{ body: "B" }] },
  "message.cascade": {
    valid: [
      {
        steps: [
          { channel: "telegram", content: { text: "Hi" }, window: { amount: 2, unit: "hour" } },
          { channel: "sms", content: { text: "Hi" }, window: { amount: 1, unit: "day" } },
        ],
        order: "cheapest",
      },
    ],
    invalid: [
      { steps: [] },
      { steps: [{ channel: "fax", content: {}, window: { amount: 1, unit: "day" } }] },
      { steps: [{ channel: "sms", content: { text: "x" } }] },
    ],
  },
  "wait.duration": {
    valid: [
      { amount: 3, unit: "day" },
      { amount: 0, unit: "second" },
    ],
    invalid: [
      { amount: 3 },
      { amount: -1, unit: "day" },
      { amount: 1.5, unit: "hour" },
      { amount: 1, unit: "month" },
    ],
  },
  "wait.until": {
    valid: [
      { mode: "datetime", at: "2030-01-01T09:00:00Z" },
      { mode: "window", from: "09:00", to: "17:30", days: ["mon", "fri"] },
    ],
    invalid: [
      { mode: "datetime", at: "tomorrow" },
      { mode: "window", from: "25:00" },
      { mode: "later" },
    ],
  },
  "wait.event": {
    valid: [{ event: "email_opened", timeout: { amount: 1, unit: "day" } }],
    invalid: [{ event: "email_opened" }, { timeout: { amount: 1, unit: "day" } }],
  },
  "branch.condition": {
    valid: [
      { condition: cond },
      { condition: { not: { attr: "consent.sms", op: "eq", value: "unsubscribed" } } },
    ],
    invalid: [
      {},
      { condition: { attr: "x", op: "matches", value: 1 } },
      {
        condition: {
          event: "purchase",
          op: "count_gte",
          value: 500,
          within: { amount: 1, unit: "day" },
        },
      },
    ],
  },
  "branch.multi": {
    valid: [
      {
        cases: [
          { id: "de", condition: { attr: "country", op: "eq", value: "DE" } },
          { id: "fr", condition: { attr: "country", op: "eq", value: "FR" } },
        ],
      },
    ],
    invalid: [
      { cases: [] },
      { cases: [{ id: "else", condition: cond }] },
      { cases: [{ id: "has space", condition: cond }] },
    ],
  },
  "segment.split": { valid: [{ segmentId: "vip" }], invalid: [{}] },
  "experiment.split": {
    valid: [
      {
        variants: [
          { id: "a", weight: 50 },
          { id: "b", weight: 50 },
        ],
        holdout: 10,
      },
    ],
    invalid: [
      { variants: [] },
      { variants: [{ id: "a", weight: 150 }] },
      { variants: [{ id: "a", weight: 100 }], holdout: 90 },
    ],
  },
  "profile.update": {
    valid: [
      {
        assignments: [
          { op: "set", attr: "plan", value: "{{ event.properties.plan }}" },
          { op: "increment", attr: "visits" },
          { op: "unset", attr: "trial" },
        ],
      },
    ],
    invalid: [
      { assignments: [] },
      { assignments: [{ op: "set", attr: "__proto__.x", value: "1" }] },
      { assignments: [{ op: "multiply", attr: "x" }] },
    ],
  },
  goal: { valid: [{ event: "purchase", revenueProperty: "total" }], invalid: [{}] },
  exit: { valid: [{}], invalid: [7] },
};

describe("built-in node types", () => {
  it("has a test case for every registered built-in type", () => {
    expect(Object.keys(cases).sort()).toEqual(builtInNodeTypes.map((t) => t.type).sort());
  });

  for (const nodeType of builtInNodeTypes) {
    describe(nodeType.type, () => {
      const c = cases[nodeType.type];
      it("accepts valid config", () => {
        for (const config of c?.valid ?? [])
          expect(nodeType.config.safeParse(config).success, JSON.stringify(config)).toBe(true);
      });
      it("rejects invalid config", () => {
        expect(c?.invalid.length).toBeGreaterThan(0);
        for (const config of c?.invalid ?? [])
          expect(nodeType.config.safeParse(config).success, JSON.stringify(config)).toBe(false);
      });
      it("declares title, icon, category, version and ports, and describes itself as JSON", () => {
        const d = describeNodeType(nodeType);
        expect(d.title.length).toBeGreaterThan(0);
        expect(d.icon.length).toBeGreaterThan(0);
        expect(d.version).toBeGreaterThanOrEqual(1);
        expect(d.configSchema).toHaveProperty("$schema");
        expect(JSON.parse(JSON.stringify(d))).toEqual(d);
        const parsed = nodeType.config.parse(c?.valid[0]);
        expect(Array.isArray(nodeType.outputsFor(parsed))).toBe(true);
      });
    });
  }

  it("derives ports from config for branch.multi and experiment.split", () => {
    const multi = nodeTypes.get("branch.multi");
    const exp = nodeTypes.get("experiment.split");
    expect(multi?.outputsFor(multi.config.parse(cases["branch.multi"]?.valid[0]))).toEqual([
      "de",
      "fr",
      "else",
    ]);
    expect(exp?.outputsFor(exp.config.parse(cases["experiment.split"]?.valid[0]))).toEqual([
      "a",
      "b",
    ]);
  });

  it("gives wait.event the ports received and timeout, and exit none", () => {
    expect(nodeTypes.get("wait.event")?.staticOutputs).toEqual(["received", "timeout"]);
    expect(nodeTypes.get("exit")?.staticOutputs).toEqual([]);
    expect(nodeTypes.get("message.webhook")?.staticOutputs).toEqual(["next", "failed"]);
  });
});

function fakeServices(outcome: SendOutcome) {
  const sent: Parameters<NodeServices["send"]>[0][] = [];
  const updates: unknown[] = [];
  const services: NodeServices = {
    send: async (input) => {
      sent.push(input);
      return outcome;
    },
    updateProfile: async (a) => {
      updates.push(a);
    },
    isInSegment: async () => false,
    log: () => undefined,
    render: async (template: string) => template,
    http: () => Promise.reject(new Error("no HTTP in this test")),
    secrets: { get: async () => null },
  };
  return { services, sent, updates };
}

const runCtx = (config: unknown, services: NodeServices) => ({
  config,
  profile: {
    profileId: "p1",
    anonymousIds: [],
    attributes: {},
    consent: {},
    counters: {},
    createdAt: new Date(),
    updatedAt: new Date(),
  },
  event: null,
  enrolment: {
    journeyId: "j",
    version: 1,
    profileId: "p1",
    workflowId: "wf",
    nodeId: "n",
    visit: 1,
  },
  services,
});

describe("message nodes run through services.send", () => {
  it("sends the unrendered template fields with the channel and category", async () => {
    const email = nodeTypes.get("message.email");
    const { services, sent } = fakeServices({ status: "sent", messageId: "m" });
    const config = email?.config.parse({ subject: "Hi {{ profile.firstName }}", body: "B" });
    const result = await email?.run?.(runCtx(config, services));
    expect(result).toEqual({ output: "next" });
    expect(sent).toEqual([
      {
        channel: "email",
        content: { subject: "Hi {{ profile.firstName }}", body: "B" },
        category: "marketing",
      },
    ]);
  });

  it("follows failed when a webhook fails for good, and passes a deferral on", async () => {
    const hook = nodeTypes.get("message.webhook");
    const config = hook?.config.parse({ url: "https://x" });
    expect(
      await hook?.run?.(runCtx(config, fakeServices({ status: "failed", reason: "500" }).services)),
    ).toEqual({ output: "failed" });
    expect(
      await hook?.run?.(
        runCtx(
          config,
          fakeServices({ status: "deferred", deferUntil: "2030-01-01T00:00:00.000Z" }).services,
        ),
      ),
    ).toEqual({
      output: "next",
      deferUntil: "2030-01-01T00:00:00.000Z",
    });
  });

  it("continues on next when a send is suppressed", async () => {
    const sms = nodeTypes.get("message.sms");
    const config = sms?.config.parse({ text: "x" });
    expect(
      await sms?.run?.(
        runCtx(config, fakeServices({ status: "suppressed", reason: "no consent" }).services),
      ),
    ).toEqual({ output: "next" });
  });

  it("profile.update hands its assignments to services.updateProfile", async () => {
    const update = nodeTypes.get("profile.update");
    const { services, updates } = fakeServices({ status: "sent" });
    const config = update?.config.parse({ assignments: [{ op: "increment", attr: "visits" }] });
    expect(await update?.run?.(runCtx(config, services))).toEqual({ output: "next" });
    expect(updates).toEqual([[{ op: "increment", attr: "visits", by: 1 }]]);
  });
});

describe("defineNodeType and the registry", () => {
  const slack = defineNodeType({
    type: "acme.slack",
    title: "Slack message",
    category: "action",
    icon: "slack",
    version: 1,
    config: z.object({ channel: z.string(), text: z.string() }),
    outputs: ["next", "failed"],
    execution: "activity",
    ui: { liquid: ["text"] },
    run: async ({ config }) => ({ output: config.channel ? "next" : "failed" }),
  });

  it("registers a custom type next to the built-ins and lists it", () => {
    const registry = new NodeTypeRegistry();
    for (const t of builtInNodeTypes) registry.register(t);
    registry.register(slack);
    expect(registry.get("acme.slack")).toBe(slack);
    expect(registry.list()).toHaveLength(builtInNodeTypes.length + 1);
  });

  it("refuses a second, different type with the same name", () => {
    const registry = new NodeTypeRegistry();
    registry.register(slack);
    expect(() => registry.register(slack)).not.toThrow();
    expect(() => registry.register({ ...slack })).toThrow(/already registered/);
  });

  it("refuses an activity type without run and a malformed type string", () => {
    expect(() =>
      defineNodeType({
        type: "acme.x",
        title: "X",
        category: "action",
        icon: "x",
        version: 1,
        config: z.object({}),
        outputs: [],
        execution: "activity",
      }),
    ).toThrow(/run/);
    expect(() =>
      defineNodeType({
        type: "Bad Type",
        title: "X",
        category: "action",
        icon: "x",
        version: 1,
        config: z.object({}),
        outputs: [],
        execution: "workflow",
      }),
    ).toThrow();
  });

  it("reads Liquid fields from ui.liquid when the type gives no templates()", () => {
    expect(slack.templatesIn({ channel: "c", text: "{{ x }}" })).toEqual([
      { path: ["text"], source: "{{ x }}" },
    ]);
  });
});
