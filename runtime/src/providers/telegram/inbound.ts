import { timingSafeEqual } from "node:crypto";

/**
 * Checks `X-Telegram-Bot-Api-Secret-Token` on an inbound update: Telegram echoes the
 * `secret_token` given to `setWebhook` on every call.
 */
export function verifyTelegramSecretToken(secret: string, header: string | undefined): boolean {
  if (!header) return false;
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token of a `/start <token>` deep link (t.me/<bot>?start=<token>), which links the chat to a profile. */
export function startToken(text: string | undefined): string | undefined {
  const match = /^\/start(?:@\w+)?\s+([A-Za-z0-9_-]{1,64})\s*$/.exec(text ?? "");
  return match?.[1];
}
