import type { CollectionDeclaration } from "./declaration.js";

/**
 * One document per profile, keyed by the profile id: how many times it entered each journey and which
 * enrolment workflows are running for it. Enrolling (re-entry rules, entry limits) and delivering an
 * event to running enrolments read it by `_id` instead of querying the growing enrolments collection
 * (a scan on the embedded engine, engine/capabilities.ts). The enrolment projection stays the record
 * for analytics and the studio.
 */
export type ProfileJourneysRecord = {
  _id: string;
  /** journeyId -> how many enrolments it started for this profile. */
  entered?: Record<string, number>;
  /** Workflow ids of the enrolments running now (added at enrolment, removed when one ends). */
  active?: string[];
};

export const profileJourneysCollection: CollectionDeclaration = {
  name: "profile_journeys",
  indexes: [],
};

/** How many times a profile entered a journey, from its ProfileJourneys document. */
export const timesEntered = (doc: ProfileJourneysRecord | null, journeyId: string): number =>
  doc?.entered?.[journeyId] ?? 0;

/** How far back a profile's marketing sends are remembered: longer than any frequency-cap window in use. */
export const RECENT_SENDS_MS = 31 * 24 * 60 * 60 * 1000;

/**
 * One document per profile (`_id` = profile id): the marketing messages sent to it recently, across all
 * journeys, for the frequency cap. Read by `_id` before each marketing send, instead of querying the
 * growing messages collection (decision 0006).
 */
export type RecentSendsRecord = {
  _id: string;
  /**
   * Sends within RECENT_SENDS_MS, oldest first; `key` is the message's idempotency key (recorded once). Journey
   * and channel (for journey caps) are absent on entries written before they were recorded.
   */
  marketing?: RecentMarketingSend[];
};

/** One remembered marketing send. */
export type RecentMarketingSend = { key: string; at: Date; journeyId?: string; channel?: string };

export const recentSendsCollection: CollectionDeclaration = { name: "recent_sends", indexes: [] };

/**
 * An anonymous id that belongs to a known profile (`_id` = the anonymous id), written when identify or alias
 * joins them. Ingestion resolves an event's anonymous id with two `_id` lookups (the profile, else its alias)
 * instead of querying profiles by their `anonymousIds` (decision 0006).
 */
export type IdentityAliasRecord = { _id: string; profileId: string };

export const identityAliasCollection: CollectionDeclaration = {
  name: "identity_aliases",
  indexes: [],
};
