import { defineMessageNode } from "./define-message.js";
import { WhatsappContent } from "./content.js";

/** `message.whatsapp`: Send a WhatsApp message to the profile's phone. */
export const messageWhatsapp = defineMessageNode({
  channel: "whatsapp",
  title: "WhatsApp",
  icon: "phone",
  description: "Send a WhatsApp message to the profile's phone.",
  content: WhatsappContent,
  canFail: false,
  multiline: ["text"],
});
