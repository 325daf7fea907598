import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>` on an inbound WhatsApp webhook: HMAC-SHA256 of the
 * raw request body keyed with the Meta app secret. Verify the raw bytes, before any JSON parsing.
 */
export function verifyWhatsAppSignature(
  appSecret: string,
  rawBody: string | Uint8Array,
  header: string | undefined,
): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header ?? "");
  if (!match?.[1]) return false;
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], "hex"));
}

/**
 * Answers Meta's subscription handshake (`GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`):
 * the challenge to echo when the token matches, otherwise undefined (answer 403).
 */
export function whatsAppChallenge(
  verifyToken: string,
  query: Readonly<Record<string, unknown>>,
): string | undefined {
  const mode = query["hub.mode"];
  const token = query["hub.verify_token"];
  const challenge = query["hub.challenge"];
  if (mode !== "subscribe" || typeof token !== "string" || typeof challenge !== "string")
    return undefined;
  const a = Buffer.from(token);
  const b = Buffer.from(verifyToken);
  return a.length === b.length && timingSafeEqual(a, b) ? challenge : undefined;
}
