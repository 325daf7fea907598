import { z } from "zod";
import { MessageCategory } from "../../schemas/channel.js";
import { Duration, formatDuration } from "../../schemas/duration.js";
import { EventName } from "../../conditions/schema.js";
import { MESSAGE_EVENTS } from "../../schemas/events.js";
import { defineNodeType, type NodeIssue, type TemplateRef } from "../../registry.js";
import {
  EmailContent,
  InappContent,
  PushContent,
  SmsContent,
  TelegramContent,
  WebhookContent,
  WhatsappContent,
} from "./content.js";

const step = <C extends string, S extends z.ZodObject>(channel: C, content: S) =>
  z.object({ channel: z.literal(channel), content, window: Duration });

/** One cascade step: a channel, its content and how long to wait for a response before escalating. */
export const CascadeStep = z.discriminatedUnion("channel", [
  step("email", EmailContent),
  step("sms", SmsContent),
  step("push", PushContent),
  step("telegram", TelegramContent),
  step("whatsapp", WhatsappContent),
  step("webhook", WebhookContent),
  step("inapp", InappContent),
]);
/** A cascade step. */
export type CascadeStep = z.infer<typeof CascadeStep>;

/** Default response events: opened, clicked or replied. */
export const DEFAULT_RESPONSE_EVENTS = [
  MESSAGE_EVENTS.opened,
  MESSAGE_EVENTS.clicked,
  MESSAGE_EVENTS.replied,
];

const config = z.object({
  steps: z.array(CascadeStep).min(1).max(7),
  /** listed: as written; cheapest: by the workspace's cost per channel; preferred: the profile's preferredChannel first, then as listed. */
  order: z.enum(["listed", "cheapest", "preferred"]).default("listed"),
  responseEvents: z.array(EventName).min(1).max(20).default(DEFAULT_RESPONSE_EVENTS),
  category: MessageCategory.default("marketing"),
});

/**
 * `message.cascade`: sends on one channel at a time and escalates to the next when the profile does not respond
 * within the step's window. Channels without an address or consent are skipped. Interpreted by the workflow
 * (it sends through the same send activity as the message nodes and waits durably between steps).
 */
export const messageCascade = defineNodeType({
  type: "message.cascade",
  title: "Cascade",
  description:
    "Send on the cheapest channel first and escalate when the customer does not respond.",
  category: "message",
  icon: "layers",
  version: 1,
  config,
  outputs: ["responded", "exhausted"],
  execution: "workflow",
  waits: true,
  ui: {
    order: ["steps", "order", "responseEvents", "category"],
    labels: {
      steps: "Channels",
      order: "Order",
      responseEvents: "Counts as a response",
      category: "Message category",
    },
    help: { order: "Cheapest uses the cost per message set for each channel in Settings." },
    eventFields: ["responseEvents"],
    ports: { responded: "when the customer responds", exhausted: "when no channel got a response" },
  },
  templates: (c) => {
    const refs: TemplateRef[] = [];
    c.steps.forEach((s, i) => {
      for (const [field, source] of Object.entries(s.content)) {
        if (typeof source === "string" && field !== "method")
          refs.push({ path: ["steps", i, "content", field], source });
      }
    });
    return refs;
  },
  check: (c) => {
    const seen = new Set<string>();
    const issues: NodeIssue[] = [];
    c.steps.forEach((s, i) => {
      if (seen.has(s.channel))
        issues.push({
          code: "invalid_config",
          path: ["steps", i, "channel"],
          message: `uses ${s.channel} twice`,
        });
      seen.add(s.channel);
    });
    return issues;
  },
  summary: (c) =>
    `Cascade ${c.steps.map((s) => `${s.channel} (${formatDuration(s.window)})`).join(" → ")}`,
});
