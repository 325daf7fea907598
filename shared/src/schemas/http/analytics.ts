import { z } from "zod";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One counter document as the store returns it: a journey's node (or the journey, or the workspace) on one day. */
export const DailyCounters = z.object({
  day: Day,
  /** "" for workspace-wide facts (events). */
  journeyId: z.string(),
  /** "" for journey-level facts (enrolments, conversions, revenue). */
  nodeId: z.string(),
  counts: z.record(z.string(), z.number()),
});
/** A daily counter document. */
export type DailyCounters = z.infer<typeof DailyCounters>;

/** One day of a trend. */
export const DailyPoint = z
  .object({
    day: Day,
    enrolled: z.number(),
    converted: z.number(),
    revenue: z.number(),
    sent: z.number(),
    cost: z.number(),
    events: z.number(),
  })
  .meta({ id: "DailyPoint" });
/** One day of a trend. */
export type DailyPoint = z.infer<typeof DailyPoint>;

/** A step's funnel over the range. `dropped`: enrolments that ended at the step without leaving it. */
export const NodeFunnel = z.object({
  nodeId: z.string(),
  name: z.string(),
  type: z.string(),
  entered: z.number(),
  completed: z.number(),
  dropped: z.number(),
  converted: z.number(),
});
/** A step's funnel. */
export type NodeFunnel = z.infer<typeof NodeFunnel>;

/** A message step's cumulative funnel: each message counted once at every status it reached. */
export const MessageFunnel = z.object({
  nodeId: z.string(),
  name: z.string(),
  channels: z.array(z.string()),
  sent: z.number(),
  delivered: z.number(),
  opened: z.number(),
  clicked: z.number(),
  replied: z.number(),
  bounced: z.number(),
  failed: z.number(),
  unsubscribed: z.number(),
  suppressed: z.number(),
  suppressedByReason: z.record(z.string(), z.number()),
  cost: z.number(),
});
/** A message step's funnel. */
export type MessageFunnel = z.infer<typeof MessageFunnel>;

/** What a channel cost over the range, in the workspace currency. */
export const ChannelCost = z.object({
  channel: z.string(),
  sent: z.number(),
  cost: z.number(),
});
/** A channel's cost. */
export type ChannelCost = z.infer<typeof ChannelCost>;

/**
 * What a cascade saved: its audience (everyone who entered it) sent on its most expensive step, at that step's
 * average cost per message in the range, against what the cascade really cost.
 */
export const CascadeSaving = z.object({
  nodeId: z.string(),
  name: z.string(),
  audience: z.number(),
  cost: z.number(),
  mostExpensiveChannel: z.string().nullable(),
  costIfAllOnMostExpensive: z.number(),
  saved: z.number(),
});
/** A cascade's saving. */
export type CascadeSaving = z.infer<typeof CascadeSaving>;

/** Headline totals of a range. */
export const AnalyticsTotals = z.object({
  enrolled: z.number(),
  converted: z.number(),
  revenue: z.number(),
  cost: z.number(),
  /** Revenue over converters; null without converters. */
  averageOrderValue: z.number().nullable(),
  costPerConversion: z.number().nullable(),
});
/** Headline totals. */
export type AnalyticsTotals = z.infer<typeof AnalyticsTotals>;

/** `GET /api/journeys/:id/analytics?from&to`: a journey's analytics from its daily counters. */
export const JourneyAnalytics = z
  .object({
    journeyId: z.string(),
    from: Day,
    to: Day,
    currency: z.string(),
    totals: AnalyticsTotals,
    days: z.array(DailyPoint),
    nodes: z.array(NodeFunnel),
    messages: z.array(MessageFunnel),
    channels: z.array(ChannelCost),
    cascades: z.array(CascadeSaving),
  })
  .meta({ id: "JourneyAnalytics" });
/** A journey's analytics. */
export type JourneyAnalytics = z.infer<typeof JourneyAnalytics>;

/** The attribution models the API serves. */
export const AttributionModelName = z.enum([
  "first_touch",
  "last_touch",
  "linear",
  "time_decay",
  "position_based",
]);

/** One channel's credited share of the goal's conversions. */
export const AttributedChannel = z.object({
  channel: z.string(),
  conversions: z.number(),
  value: z.number(),
  touches: z.number(),
  cost: z.number(),
});

/** `GET /api/analytics/attribution?goal&from&to&model`: a goal's conversions credited to channels. */
export const AttributionReport = z
  .object({
    goal: z.string(),
    model: AttributionModelName,
    from: Day,
    to: Day,
    currency: z.string(),
    halfLifeDays: z.number(),
    lookbackDays: z.number(),
    channels: z.array(AttributedChannel),
    total: z.object({ conversions: z.number(), value: z.number() }),
    unattributed: z.object({ conversions: z.number(), value: z.number() }),
  })
  .meta({ id: "AttributionReport" });
/** An attribution report. */
export type AttributionReport = z.infer<typeof AttributionReport>;
