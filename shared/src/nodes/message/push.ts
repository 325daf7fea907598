import { defineMessageNode } from "./define-message.js";
import { PushContent } from "./content.js";

/** `message.push`: Send a Web Push notification to the profile's subscribed browsers. */
export const messagePush = defineMessageNode({
  channel: "push",
  title: "Web push",
  icon: "bell",
  description: "Send a Web Push notification to the profile's subscribed browsers.",
  content: PushContent,
  canFail: false,
  multiline: ["body"],
});
