import { defineMessageNode } from "./define-message.js";
import { SmsContent } from "./content.js";

/** `message.sms`: Send a text message to the profile's phone. */
export const messageSms = defineMessageNode({
  channel: "sms",
  title: "SMS",
  icon: "message-square",
  description: "Send a text message to the profile's phone.",
  content: SmsContent,
  canFail: false,
  multiline: ["text"],
});
