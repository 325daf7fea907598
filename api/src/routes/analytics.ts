import { z } from "zod";
import {
  AnalyticsOverview,
  AttributionModelName,
  AttributionReport,
  JourneyAnalytics,
  type ChannelTotals,
} from "@omnijourney/shared";
import { readAnalyticsTotals, type ChannelStatusSum } from "@omnijourney/store";
import { endpoint } from "../http/endpoint.js";
import { IdParams } from "../schemas/common.js";
import { journeyAnalyticsOf, workspaceCurrency, workspaceTrend } from "../services/analytics.js";
import { rangedOverview } from "../services/analytics-overview.js";
import { RangeQuery, resolveRange } from "../services/analytics-range.js";
import { attributionReport } from "../services/attribution.js";

export const overview = endpoint({
  method: "get",
  path: "/analytics/overview",
  summary:
    "Workspace totals (profiles, events, journeys, enrolments, messages and cost per channel) and a daily trend " +
    "over from..to (the last 30 days by default) from the daily counters",
  tags: ["analytics"],
  auth: "bearer",
  role: "viewer",
  query: RangeQuery.extend({ journeyId: z.string().max(200).optional() }),
  response: AnalyticsOverview,
  handler: async ({ query }, { app }): Promise<AnalyticsOverview> => {
    const named = query.from !== undefined || query.to !== undefined;
    const range = resolveRange(query);
    if (named) return rangedOverview(app, range, query.journeyId);
    const [totals, trend, currency] = await Promise.all([
      readAnalyticsTotals(app.db, query.journeyId),
      workspaceTrend(app.db, range),
      workspaceCurrency(app.db),
    ]);
    const channels: Record<string, ChannelTotals> = {};
    const channelOf = (group: ChannelStatusSum) => ({
      status: group.status ?? "unknown",
      entry: (channels[group.channel ?? "unknown"] ??= { total: 0, cost: 0, byStatus: {} }),
    });
    for (const group of totals.messagesByChannel) {
      const { status, entry } = channelOf(group);
      entry.total += group.sum;
      entry.byStatus[status] = group.sum;
    }
    for (const group of totals.costByChannel) channelOf(group).entry.cost += group.sum;
    const enrolmentsByStatus = Object.fromEntries(
      totals.enrolmentsByStatus.map(({ status, sum }) => [status, sum]),
    );
    const converted = enrolmentsByStatus.converted ?? 0;
    const totalEnrolments = Object.values(enrolmentsByStatus).reduce((a, b) => a + b, 0);
    const cost = Object.values(channels).reduce((a, c) => a + c.cost, 0);
    return {
      profiles: totals.profiles,
      events: totals.events,
      journeys: Object.fromEntries(totals.journeysByStatus.map(({ status, sum }) => [status, sum])),
      enrolments: { total: totalEnrolments, byStatus: enrolmentsByStatus },
      conversions: converted,
      conversionRate: totalEnrolments > 0 ? converted / totalEnrolments : 0,
      revenue: totals.revenueByStatus.reduce((a, r) => a + r.sum, 0),
      messages: channels,
      cost,
      costPerConversion: converted > 0 ? cost / converted : null,
      from: null,
      to: null,
      currency,
      trend,
    };
  },
});

export const journeyAnalytics = endpoint({
  method: "get",
  path: "/journeys/:id/analytics",
  summary:
    "A journey's analytics over from..to (UTC days, the last 30 by default) from its daily counters: per-step and " +
    "per-message funnels, cost per channel and per conversion, revenue and order value, cascade savings, daily trend",
  tags: ["analytics"],
  auth: "bearer",
  role: "viewer",
  params: IdParams,
  query: RangeQuery,
  response: JourneyAnalytics,
  handler: ({ params, query }, { app }) => journeyAnalyticsOf(app, params.id, resolveRange(query)),
});

const Days = (fallback: number) => z.coerce.number().min(0.01).max(365).default(fallback);

export const attribution = endpoint({
  method: "get",
  path: "/analytics/attribution",
  summary:
    "A goal event's conversions over from..to credited to the channels that touched the customer before it " +
    "(first touch, last touch, linear, time decay with a half-life, position based 40/20/40)",
  tags: ["analytics"],
  auth: "bearer",
  role: "viewer",
  query: RangeQuery.extend({
    goal: z.string().min(1).max(200),
    model: AttributionModelName.default("linear"),
    halfLifeDays: Days(7),
    lookbackDays: Days(30),
  }),
  response: AttributionReport,
  handler: ({ query }, { app }) => attributionReport(app, { ...query, ...resolveRange(query) }),
});

export const analyticsEndpoints = [overview, journeyAnalytics, attribution];
