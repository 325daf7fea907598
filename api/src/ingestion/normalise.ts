import { randomUUID } from "node:crypto";
import { escapeKey } from "@omnijourney/shared";
import type { Call } from "./schemas.js";
import type { EventRecord } from "@omnijourney/store";

/** Event names journeys see for calls that carry no event name of their own (shared's JourneyEvent doc). */
const CALL_EVENT_NAMES = {
  identify: "Identify",
  alias: "Alias",
  page: "Page Viewed",
  screen: "Screen Viewed",
  group: "Group",
} as const;

const date = (value: string | undefined): Date | null => {
  if (value === undefined) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
};

/**
 * Segment's clock-skew correction: when the client says when it sent the request (`sentAt`) and when the
 * event happened by its own clock (`timestamp`/`originalTimestamp`), the event happened
 * `receivedAt - (sentAt - timestamp)` by our clock. Without `sentAt`, the client's timestamp stands; without
 * either, the event happened when it arrived.
 */
export const correctedTimestamp = (
  original: Date | null,
  sentAt: Date | null,
  receivedAt: Date,
): Date => {
  if (original && sentAt)
    return new Date(receivedAt.getTime() - (sentAt.getTime() - original.getTime()));
  return original ?? receivedAt;
};

/** Top-level keys of user-supplied objects are stored escaped (DESIGN.md); the edge already refuses "." and "$". */
export const escapeKeys = (obj: Record<string, unknown> | undefined): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj ?? {})) out[escapeKey(k)] = v;
  return out;
};

export type Normalised = Omit<EventRecord, "_id" | "profileId" | "source"> & {
  /** Identity keys as sent; the profile id is resolved afterwards. */
  previousId?: string;
  /** Set by internal producers (tracking, webhooks) that already know the profile. */
  profileId?: string;
};

export const normalise = (
  call: Call,
  batchSentAt: string | undefined,
  receivedAt: Date,
): Normalised => {
  const original = date(call.timestamp ?? call.originalTimestamp);
  const sentAt = date(call.sentAt ?? batchSentAt);
  const base = {
    messageId: call.messageId ?? `api-${randomUUID()}`,
    type: call.type,
    userId: call.userId ?? null,
    anonymousId: call.anonymousId ?? null,
    context: call.context ?? {},
    timestamp: correctedTimestamp(original, sentAt, receivedAt),
    originalTimestamp: original,
    sentAt,
    receivedAt,
  };
  switch (call.type) {
    case "track":
      return { ...base, event: call.event, properties: escapeKeys(call.properties) };
    case "identify":
      return {
        ...base,
        event: CALL_EVENT_NAMES.identify,
        properties: {},
        traits: escapeKeys(call.traits),
      };
    case "alias":
      return {
        ...base,
        event: CALL_EVENT_NAMES.alias,
        properties: {},
        previousId: call.previousId,
      };
    case "page":
      return {
        ...base,
        event: CALL_EVENT_NAMES.page,
        properties: {
          ...escapeKeys(call.properties),
          ...(call.name ? { name: call.name } : {}),
          ...(call.category ? { category: call.category } : {}),
        },
      };
    case "screen":
      return {
        ...base,
        event: CALL_EVENT_NAMES.screen,
        properties: { ...escapeKeys(call.properties), ...(call.name ? { name: call.name } : {}) },
      };
    case "group":
      return {
        ...base,
        event: CALL_EVENT_NAMES.group,
        properties: { groupId: call.groupId },
        traits: escapeKeys(call.traits),
      };
    default:
      return assertNever(call);
  }
};

const assertNever = (value: never): never => {
  throw new Error(`unexpected call ${JSON.stringify(value)}`);
};
