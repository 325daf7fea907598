import type { Channel } from "../../schemas/channel.js";

// Apart from the zod schemas in content.ts: the journey workflow uses these without zod.

/** Template fields of each channel, in form order. */
export const CONTENT_FIELDS = {
  email: ["subject", "preheader", "body", "fromName", "replyTo"],
  sms: ["text"],
  push: ["title", "body", "url"],
  telegram: ["text"],
  whatsapp: ["text"],
  webhook: ["url", "body"],
  inapp: ["title", "body", "url"],
} as const satisfies Record<Channel, readonly string[]>;

/** Collects the string fields of a parsed content object that are Liquid templates. */
export function contentStrings(channel: Channel, content: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of CONTENT_FIELDS[channel]) {
    const value: unknown = Reflect.get(content, field);
    if (typeof value === "string") out[field] = value;
  }
  if (channel === "webhook") {
    const method: unknown = Reflect.get(content, "method");
    if (typeof method === "string") out.method = method;
  }
  return out;
}
