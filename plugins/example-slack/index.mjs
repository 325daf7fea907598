// Example plugin: posts a message to a Slack channel through an incoming webhook
// (https://api.slack.com/messaging/webhooks). Load it with
// OMNIJOURNEY_PLUGINS=./plugins/example-slack/index.mjs and store the webhook URL as a workspace secret.
import { z } from "zod";
import { defineNodeType } from "@omnijourney/shared";

/** Slack answers these for a request it will never accept (https://api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks). */
const PERMANENT = new Set([400, 403, 404, 410]);

export default defineNodeType({
  type: "example.slack",
  title: "Slack message",
  description: "Post a message to a Slack channel through an incoming webhook.",
  category: "action",
  icon: "slack",
  // Version 1 replaced "{profileId}" in the text; version 2 renders the text as Liquid.
  version: 2,
  config: z.object({
    webhookSecret: z.string().min(1).default("SLACK_WEBHOOK_URL"),
    text: z.string().min(1).max(3_000),
  }),
  migrate: (fromVersion, config) => {
    if (fromVersion !== 1) throw new Error(`no migration from version ${fromVersion}`);
    const v1 = z.looseObject({ text: z.string() }).parse(config);
    return { ...v1, text: v1.text.replaceAll("{profileId}", "{{ profile.id }}") };
  },
  outputs: ["next", "failed"],
  execution: "activity",
  retry: { attempts: 3, backoffMs: 1_000 },
  timeoutMs: 15_000,
  ui: {
    order: ["text", "webhookSecret"],
    labels: { text: "Message", webhookSecret: "Webhook secret" },
    help: {
      webhookSecret: "Name of the workspace secret holding the incoming-webhook URL",
      text: "Liquid: {{ profile.firstName }}, {{ event.properties.plan }}, {{ profile.id }}",
    },
    multiline: ["text"],
    liquid: ["text"],
    ports: { failed: "when Slack refuses the message" },
  },
  run: async ({ config, enrolment, services }) => {
    const url = await services.secrets.get(config.webhookSecret);
    if (!url) {
      services.log("slack: the webhook secret is not set", { secret: config.webhookSecret });
      return { output: "failed" };
    }
    const response = await services.http(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        text: await services.render(config.text),
        // Slack ignores unknown fields; the receiver can use it to drop a retried duplicate.
        metadata: {
          event_type: "omnijourney_step",
          event_payload: { key: `${enrolment.workflowId}:${enrolment.nodeId}:${enrolment.visit}` },
        },
      }),
    });
    const answer = await response.text();
    if (response.ok && answer === "ok") return { output: "next" };
    if (PERMANENT.has(response.status)) {
      services.log("slack refused the message", { status: response.status, answer });
      return { output: "failed" };
    }
    // Rate limited or down: throwing lets the node's retry policy try again.
    throw new Error(`Slack answered ${response.status}: ${answer.slice(0, 200)}`);
  },
});
