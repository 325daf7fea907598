import { z } from "zod";
import { Channel, ConsentStatus, MessageCategory } from "./channel.js";
import { JsonObject } from "./events.js";

/** One consent change, kept for audit. */
export const ConsentChange = z.object({
  category: MessageCategory,
  status: ConsentStatus,
  source: z.string().max(200),
  at: z.coerce.date(),
});
/** A consent change. */
export type ConsentChange = z.infer<typeof ConsentChange>;

/** Consent for one channel. */
export const ChannelConsent = z.object({
  marketing: ConsentStatus.default("unknown"),
  transactional: ConsentStatus.default("unknown"),
  history: z.array(ConsentChange).default([]),
});
/** Consent for one channel. */
export type ChannelConsent = z.infer<typeof ChannelConsent>;

/** Per-event counter kept at ingestion (see `nextCounter`). `recent` is newest first and capped at `RECENT_CAP`. */
export const EventCounter = z.object({
  count: z.number().int().min(0),
  first: z.coerce.date(),
  last: z.coerce.date(),
  recent: z.array(z.coerce.date()).default([]),
});
/** An event counter. */
export type EventCounter = z.infer<typeof EventCounter>;

/** Consent per channel (keys are channel names). */
export const ProfileConsent = z.partialRecord(Channel, ChannelConsent);
/** Consent per channel. */
export type ProfileConsent = z.infer<typeof ProfileConsent>;

/**
 * The stored profile (collection `profiles`), one document per person (contracts.md).
 * `attributes` holds every identify trait with escaped keys (see `escapeKey`), including the channel
 * addresses `email`, `phone`, `telegramChatId`, `pushSubscriptions` and `timezone`, `locale`, `preferredChannel`.
 * `counters` is keyed by the escaped event name (or a scoped key for filtered counters, see `counterKey`).
 */
export const StoredProfile = z.object({
  profileId: z.string().min(1),
  userId: z.string().optional(),
  anonymousIds: z.array(z.string()).default([]),
  attributes: JsonObject.default({}),
  consent: ProfileConsent.default({}),
  counters: z.record(z.string(), EventCounter).default({}),
  createdAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
});
/** The stored profile. */
export type StoredProfile = z.infer<typeof StoredProfile>;

/** What a node's `run` and the condition evaluator see of a profile (the stored document). */
export type ProfileSnapshot = StoredProfile;

/** Trait names with a fixed meaning (channel addresses and delivery preferences). */
export const RESERVED_TRAITS = [
  "email",
  "phone",
  "telegramChatId",
  "pushSubscriptions",
  "timezone",
  "locale",
  "preferredChannel",
] as const;
