import { z } from "zod";
import { AnalyticsOverview, type ChannelTotals } from "@omnijourney/shared";
import { readAnalyticsTotals, type ChannelStatusSum } from "@omnijourney/store";
import { endpoint } from "../http/endpoint.js";

export const overview = endpoint({
  method: "get",
  path: "/analytics/overview",
  summary:
    "Workspace totals: profiles, events, journeys, enrolments, messages and cost per channel",
  tags: ["analytics"],
  auth: "bearer",
  role: "viewer",
  query: z.object({ journeyId: z.string().max(200).optional() }),
  response: AnalyticsOverview,
  handler: async ({ query }, { app }): Promise<AnalyticsOverview> => {
    const totals = await readAnalyticsTotals(app.db, query.journeyId);
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
    };
  },
});

export const analyticsEndpoints = [overview];
