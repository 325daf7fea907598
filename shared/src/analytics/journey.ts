import type {
  CascadeSaving,
  ChannelCost,
  DailyCounters,
  JourneyAnalytics,
  MessageFunnel,
  NodeFunnel,
} from "../schemas/http/analytics.js";
import type { Day } from "./days.js";
import { byPrefix, MessageMetric, messageTotal, sumCounts } from "./metrics.js";
import { dailyTrend } from "./trend.js";

/** A step of the journey as the analytics name it. */
export type AnalyticsStep = { id: string; type: string; name: string };

/** What {@link journeyAnalytics} folds. */
export type JourneyAnalyticsInput = {
  journeyId: string;
  from: Day;
  to: Day;
  currency: string;
  /** The journey's steps in canvas order; counters of steps no longer on the journey are still shown. */
  steps: readonly AnalyticsStep[];
  /** Every counter document of the journey in the range. */
  rows: readonly DailyCounters[];
};

const sum = (values: Record<string, number>): number =>
  Object.values(values).reduce((a, b) => a + b, 0);
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

const isMessageStep = (type: string) => type.startsWith("message.");

function messageFunnel(step: AnalyticsStep, counts: Record<string, number>): MessageFunnel {
  const funnel = Object.fromEntries(
    MessageMetric.map((m) => [m, messageTotal(counts, m)]),
  ) as Record<MessageMetric, number>; // why: built from the full MessageMetric list just above
  const channels = Object.keys({ ...byPrefix(counts, "sent"), ...byPrefix(counts, "suppressed") });
  return {
    nodeId: step.id,
    name: step.name,
    channels: channels.sort(),
    ...funnel,
    suppressedByReason: byPrefix(counts, "suppressedBy"),
    cost: sum(byPrefix(counts, "cost")),
  };
}

function cascadeSaving(step: AnalyticsStep, counts: Record<string, number>): CascadeSaving {
  const sent = byPrefix(counts, "sent");
  const costs = byPrefix(counts, "cost");
  let mostExpensive: { channel: string; unit: number } | null = null;
  for (const [channel, n] of Object.entries(sent)) {
    const unit = n > 0 ? (costs[channel] ?? 0) / n : 0;
    if (!mostExpensive || unit > mostExpensive.unit) mostExpensive = { channel, unit };
  }
  const audience = counts.entered ?? 0;
  const cost = sum(costs);
  const ifAll = audience * (mostExpensive?.unit ?? 0);
  return {
    nodeId: step.id,
    name: step.name,
    audience,
    cost,
    mostExpensiveChannel: mostExpensive?.channel ?? null,
    costIfAllOnMostExpensive: ifAll,
    saved: Math.max(0, ifAll - cost),
  };
}

/**
 * A journey's analytics over a range from its daily counters (pure): per-step funnel, per-message funnel, cost per
 * channel and per conversion, revenue and average order value of converters, cascade savings and a daily trend.
 */
export function journeyAnalytics(input: JourneyAnalyticsInput): JourneyAnalytics {
  const perNode = new Map<string, DailyCounters[]>();
  for (const row of input.rows) perNode.set(row.nodeId, [...(perNode.get(row.nodeId) ?? []), row]);
  const known = new Set(input.steps.map((s) => s.id));
  const steps: AnalyticsStep[] = [
    ...input.steps,
    ...[...perNode.keys()]
      .filter((id) => id !== "" && !known.has(id))
      .sort()
      .map((id) => ({ id, type: "removed", name: "Removed step" })),
  ];
  const countsOf = (id: string) => sumCounts(perNode.get(id) ?? []);
  const all = sumCounts(input.rows);
  const nodes: NodeFunnel[] = steps.map((step) => {
    const c = countsOf(step.id);
    return {
      nodeId: step.id,
      name: step.name,
      type: step.type,
      entered: c.entered ?? 0,
      completed: c.completed ?? 0,
      dropped: c.dropped ?? 0,
      converted: c.converted ?? 0,
    };
  });
  const messageSteps = steps.filter(
    (s) => isMessageStep(s.type) || messageTotal(countsOf(s.id), "sent") > 0,
  );
  const messages = messageSteps.map((s) => messageFunnel(s, countsOf(s.id)));
  const sentByChannel = byPrefix(all, "sent");
  const costByChannel = byPrefix(all, "cost");
  const channels: ChannelCost[] = [
    ...new Set([...Object.keys(sentByChannel), ...Object.keys(costByChannel)]),
  ]
    .sort()
    .map((channel) => ({
      channel,
      sent: sentByChannel[channel] ?? 0,
      cost: costByChannel[channel] ?? 0,
    }));
  const trend = dailyTrend(input.rows, input.from, input.to);
  const converted = trend.reduce((a, p) => a + p.converted, 0);
  const revenue = trend.reduce((a, p) => a + p.revenue, 0);
  const cost = sum(costByChannel);
  return {
    journeyId: input.journeyId,
    from: input.from,
    to: input.to,
    currency: input.currency,
    totals: {
      enrolled: trend.reduce((a, p) => a + p.enrolled, 0),
      converted,
      revenue,
      cost,
      averageOrderValue: ratio(revenue, converted),
      costPerConversion: ratio(cost, converted),
    },
    days: trend,
    nodes,
    messages,
    channels,
    cascades: steps
      .filter((s) => s.type === "message.cascade")
      .map((s) => cascadeSaving(s, countsOf(s.id))),
  };
}
