import {
  byPrefix,
  dailyTrend,
  ENROLLED,
  EVENTS,
  JOURNEY_CONVERTED,
  JOURNEY_REVENUE,
  MessageMetric,
  sumCounts,
  type AnalyticsOverview,
  type ChannelTotals,
} from "@omnijourney/shared";
import {
  readJourneyDailyCounters,
  readWorkspaceDailyCounters,
  readWorkspaceHeadcount,
} from "@omnijourney/store";
import type { ApiContext } from "../context.js";
import { workspaceCurrency } from "./analytics.js";
import type { Range } from "./analytics-range.js";

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

/** Messages per channel from the counters: each status a message reached, attempts (sent, failed, suppressed) as total. */
function channelTotals(counts: Record<string, number>): Record<string, ChannelTotals> {
  const channels: Record<string, ChannelTotals> = {};
  const entry = (channel: string) => (channels[channel] ??= { total: 0, cost: 0, byStatus: {} });
  for (const metric of MessageMetric)
    for (const [channel, n] of Object.entries(byPrefix(counts, metric))) {
      entry(channel).byStatus[metric] = n;
      if (metric === "sent" || metric === "failed" || metric === "suppressed")
        entry(channel).total += n;
    }
  for (const [channel, cost] of Object.entries(byPrefix(counts, "cost")))
    entry(channel).cost += cost;
  return channels;
}

/**
 * The overview over a range, every figure from the daily counters (docs/analytics.md): enrolments started in the
 * range and how the ones that ended did (the rest read as active), conversions and revenue, messages per channel.
 */
export const rangedOverview = async (
  ctx: ApiContext,
  range: Range,
  journeyId?: string,
): Promise<AnalyticsOverview> => {
  const [rows, headcount, currency] = await Promise.all([
    journeyId
      ? readJourneyDailyCounters(ctx.db, journeyId, range)
      : readWorkspaceDailyCounters(ctx.db, range),
    readWorkspaceHeadcount(ctx.db),
    workspaceCurrency(ctx.db),
  ]);
  const counts = sumCounts(rows);
  const ended = byPrefix(counts, "ended");
  const enrolled = counts[ENROLLED] ?? 0;
  const active = Math.max(0, enrolled - sum(ended));
  const byStatus = Object.fromEntries(
    Object.entries({ ...ended, active }).filter(([, n]) => n > 0),
  );
  const converted = counts[JOURNEY_CONVERTED] ?? 0;
  const messages = channelTotals(counts);
  const cost = sum(byPrefix(counts, "cost"));
  return {
    profiles: headcount.profiles,
    events: counts[EVENTS] ?? 0,
    journeys: Object.fromEntries(
      headcount.journeysByStatus.map(({ status, sum: n }) => [status, n]),
    ),
    enrolments: { total: enrolled, byStatus },
    conversions: converted,
    conversionRate: enrolled > 0 ? converted / enrolled : 0,
    revenue: counts[JOURNEY_REVENUE] ?? 0,
    messages,
    cost,
    costPerConversion: converted > 0 ? cost / converted : null,
    from: range.from,
    to: range.to,
    currency,
    trend: dailyTrend(rows, range.from, range.to),
  };
};
