import { defineMessageNode } from "./define-message.js";
import { WebhookContent } from "./content.js";

/** `message.webhook`: Call an HTTP endpoint (signed with the workspace secret). */
export const messageWebhook = defineMessageNode({
  channel: "webhook",
  title: "Webhook",
  icon: "webhook",
  description: "Call an HTTP endpoint (signed with the workspace secret).",
  content: WebhookContent,
  canFail: true,
  multiline: ["body"],
});
