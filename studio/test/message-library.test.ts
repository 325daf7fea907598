import { describe, expect, it } from "vitest";
import { sharedNodeTypes } from "../src/catalog/shared.js";
import { appliedFilters, EMPTY_FILTERS } from "../src/pages/profiles/ProfileFilterBar.js";
import { contentOf, withSnippet, withTemplate } from "../src/panels/message/messageLibrary.js";
import { previewedMessages } from "../src/panels/message/previewedMessages.js";

const info = (type: string) => {
  const found = sharedNodeTypes().find((t) => t.type === type);
  if (!found) throw new Error(`no ${type}`);
  return found;
};

describe("templates and snippets in a message step", () => {
  it("inserts a snippet at the end of the main text: a paragraph in an email body, a new line in an SMS", () => {
    expect(withSnippet("email", { subject: "S", body: "<p>Hi</p>" }, "footer")).toEqual({
      subject: "S",
      body: "<p>Hi</p><p>{{ snippets.footer }}</p>",
    });
    expect(withSnippet("sms", { text: "Hi" }, "legal")).toEqual({
      text: "Hi\n{{ snippets.legal }}",
    });
    expect(withSnippet("push", {}, "x")).toEqual({ body: "{{ snippets.x }}" });
  });

  it("starting from a template replaces the channel's fields and keeps the step's own settings", () => {
    const step = {
      subject: "Old",
      preheader: "Old pre",
      body: "Old",
      category: "transactional",
      utm: { enabled: true },
    };
    expect(withTemplate("email", step, { subject: "New", body: "<p>New</p>" })).toEqual({
      subject: "New",
      body: "<p>New</p>",
      category: "transactional",
      utm: { enabled: true },
    });
    expect(contentOf("email", { subject: "S", body: "", category: "marketing" })).toEqual({
      subject: "S",
    });
  });
});

describe("what a step's preview shows", () => {
  it("one message for a message step, with its link tracking only when the step has it", () => {
    const [plain] = previewedMessages(info("message.email"), { subject: "S", body: "B" });
    expect(plain).toMatchObject({ channel: "email", content: { subject: "S", body: "B" } });
    expect(plain?.linkTracking).toBeUndefined();
    const [tracked] = previewedMessages(info("message.email"), {
      subject: "S",
      body: "B",
      utm: {},
    });
    expect(tracked?.linkTracking).toEqual({ enabled: true });
  });

  it("each step of a cascade in order, and a webhook's method with its fields", () => {
    const steps = previewedMessages(info("message.cascade"), {
      steps: [
        { channel: "sms", content: { text: "T" }, window: { amount: 1, unit: "day" } },
        {
          channel: "email",
          content: { subject: "S", body: "B" },
          window: { amount: 1, unit: "day" },
        },
      ],
    });
    expect(steps.map((s) => [s.channel, s.title, s.content])).toEqual([
      ["sms", "Step 1: SMS", { text: "T" }],
      ["email", "Step 2: Email", { subject: "S", body: "B" }],
    ]);
    const [hook] = previewedMessages(info("message.webhook"), {
      url: "https://x",
      method: "PUT",
      body: "{}",
    });
    expect(hook?.content).toEqual({ url: "https://x", body: "{}", method: "PUT" });
    expect(previewedMessages(info("wait.duration"), { amount: 1, unit: "day" })).toEqual([]);
  });
});

describe("the Profiles search's filters", () => {
  it("sends an attribute test only once complete, and the segment when chosen", () => {
    expect(appliedFilters(EMPTY_FILTERS)).toEqual({});
    expect(appliedFilters({ ...EMPTY_FILTERS, attr: "plan" })).toEqual({});
    expect(appliedFilters({ ...EMPTY_FILTERS, attr: " plan ", value: " pro " })).toEqual({
      attr: "plan",
      op: "eq",
      value: "pro",
    });
    expect(
      appliedFilters({ attr: "vip", op: "exists", value: "ignored", segmentId: "s_1" }),
    ).toEqual({
      attr: "vip",
      op: "exists",
      segmentId: "s_1",
    });
  });
});
