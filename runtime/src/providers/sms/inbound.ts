import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Checks `X-Twilio-Signature` on an inbound SMS or status callback: base64 HMAC-SHA1, keyed with
 * the auth token, over the full callback URL followed by every POST parameter name and value
 * sorted by name. `url` must be the URL exactly as Twilio called it (scheme, host, port, query).
 */
export function verifyTwilioSignature(
  authToken: string,
  url: string,
  params: Readonly<Record<string, string>>,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  const expected = createHmac("sha1", authToken).update(data, "utf8").digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
