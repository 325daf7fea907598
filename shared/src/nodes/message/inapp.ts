import { defineMessageNode } from "./define-message.js";
import { InappContent } from "./content.js";

/** `message.inapp`: Store a message for the app to show. */
export const messageInapp = defineMessageNode({
  channel: "inapp",
  title: "In-app message",
  icon: "layout",
  description: "Store a message for the app to show.",
  content: InappContent,
  canFail: false,
  multiline: ["body"],
});
