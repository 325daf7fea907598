import { defineMessageNode } from "./define-message.js";
import { EmailContent } from "./content.js";

/** `message.email`: Send an email over SMTP. */
export const messageEmail = defineMessageNode({
  channel: "email",
  title: "Email",
  icon: "mail",
  description: "Send an email over SMTP.",
  content: EmailContent,
  canFail: false,
  multiline: ["body"],
  html: ["body"],
});
