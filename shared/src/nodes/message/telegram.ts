import { defineMessageNode } from "./define-message.js";
import { TelegramContent } from "./content.js";

/** `message.telegram`: Send a Telegram message to the linked chat. */
export const messageTelegram = defineMessageNode({
  channel: "telegram",
  title: "Telegram",
  icon: "send",
  description: "Send a Telegram message to the linked chat.",
  content: TelegramContent,
  canFail: false,
  multiline: ["text"],
});
