import { escapeKey, unescapeKey } from "../keys.js";

/**
 * The names of the daily counters (docs/analytics.md, "Counters"). Each counter document holds one journey's
 * node on one day (`nodeId` "" for the journey itself, `journeyId` "" for the workspace) and `$inc`s these keys.
 * Keys with a channel, reason or status carry it after a colon, escaped so it is a safe stored key.
 */
export const NodeMetric = ["entered", "completed", "dropped", "converted", "revenue"] as const;
export type NodeMetric = (typeof NodeMetric)[number];

/** Message facts, each counted once per message (the cumulative funnel of a message step). */
export const MessageMetric = [
  "sent",
  "delivered",
  "opened",
  "clicked",
  "replied",
  "bounced",
  "failed",
  "unsubscribed",
  "suppressed",
] as const;
export type MessageMetric = (typeof MessageMetric)[number];

/** A message fact on one channel: `sent:email`. */
export const channelMetric = (metric: MessageMetric, channel: string): string =>
  `${metric}:${escapeKey(channel)}`;
/** What a channel's sends cost, in the workspace currency: `cost:sms`. */
export const costMetric = (channel: string): string => `cost:${escapeKey(channel)}`;
/** Suppressed sends by reason: `suppressedBy:no_consent`. */
export const suppressedReasonMetric = (reason: string): string =>
  `suppressedBy:${escapeKey(reason)}`;
/** Enrolments that ended with a status (journey level): `ended:completed`. */
export const endedMetric = (status: string): string => `ended:${escapeKey(status)}`;
/** Journey level (`nodeId` ""): conversions and revenue of the journey, kept apart from the per-node ones. */
export const JOURNEY_CONVERTED = "j:converted";
export const JOURNEY_REVENUE = "j:revenue";
/** Journey level: enrolments started. */
export const ENROLLED = "enrolled";
/** Workspace level: events ingested, and per event name. */
export const EVENTS = "events";
export const eventMetric = (name: string): string => `event:${escapeKey(name)}`;
/** Workspace level: the revenue carried by events of a name. */
export const eventRevenueMetric = (name: string): string => `eventRevenue:${escapeKey(name)}`;

/** The values of every counter key `<prefix>:<x>`, by unescaped `x`. */
export function byPrefix(
  counts: Readonly<Record<string, number>>,
  prefix: string,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(counts))
    if (key.startsWith(`${prefix}:`)) {
      const name = unescapeKey(key.slice(prefix.length + 1));
      out[name] = (out[name] ?? 0) + value;
    }
  return out;
}

/** The total of a message fact over every channel. */
export const messageTotal = (
  counts: Readonly<Record<string, number>>,
  metric: MessageMetric,
): number => Object.values(byPrefix(counts, metric)).reduce((a, b) => a + b, 0);

/** Adds counter documents' counts together. */
export function sumCounts(
  rows: readonly { counts: Readonly<Record<string, number>> }[],
): Record<string, number> {
  const total: Record<string, number> = {};
  for (const row of rows)
    for (const [key, value] of Object.entries(row.counts)) total[key] = (total[key] ?? 0) + value;
  return total;
}
