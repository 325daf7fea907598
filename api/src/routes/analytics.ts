import type { Collection, Document } from "mongodb";
import { z } from "zod";
import { AnalyticsOverview, type ChannelTotals } from "@omnijourney/shared";
import { endpoint } from "../http/endpoint.js";

const num = (v: unknown) => (typeof v === "number" ? v : 0);

/**
 * One `$sum` per `$group`: the embedded engine (store's engine/) answers 0 for every accumulator after the first in a
 * group (`{ n: { $sum: 1 }, cost: { $sum: "$cost" } }` gives cost 0), so each sum is its own query.
 */
const sumBy = async <T extends Document>(
  collection: Collection<T>,
  match: Document,
  key: unknown,
  value: 1 | `$${string}`,
): Promise<{ key: unknown; sum: number }[]> => {
  const rows = await collection
    .aggregate([{ $match: match }, { $group: { _id: key, sum: { $sum: value } } }])
    .toArray();
  return rows.map((row) => ({ key: row._id, sum: num(row.sum) }));
};

export const overview = endpoint({
  method: "get",
  path: "/analytics/overview",
  summary:
    "Workspace totals: profiles, events, journeys, enrolments, messages and cost per channel",
  tags: ["analytics"],
  auth: "bearer",
  query: z.object({ journeyId: z.string().max(200).optional() }),
  response: AnalyticsOverview,
  handler: async ({ query }, { app }): Promise<AnalyticsOverview> => {
    const byJourney = query.journeyId ? { journeyId: query.journeyId } : {};
    const [profiles, events, journeys, enrolmentCounts, revenues, messageCounts, costs] =
      await Promise.all([
        app.db.profiles.estimatedDocumentCount(),
        app.db.events.estimatedDocumentCount(),
        sumBy(app.db.journeys, {}, "$status", 1),
        sumBy(app.db.enrolments, byJourney, "$status", 1),
        sumBy(app.db.enrolments, byJourney, "$status", "$revenue"),
        sumBy(app.db.messages, byJourney, { channel: "$channel", status: "$status" }, 1),
        sumBy(app.db.messages, byJourney, { channel: "$channel", status: "$status" }, "$cost"),
      ]);
    const channels: Record<string, ChannelTotals> = {};
    const channelOf = (key: unknown) => {
      const id = (key ?? {}) as { channel?: string; status?: string }; // why: the $group keys above
      return {
        status: id.status ?? "unknown",
        entry: (channels[id.channel ?? "unknown"] ??= { total: 0, cost: 0, byStatus: {} }),
      };
    };
    for (const { key, sum } of messageCounts) {
      const { status, entry } = channelOf(key);
      entry.total += sum;
      entry.byStatus[status] = sum;
    }
    for (const { key, sum } of costs) channelOf(key).entry.cost += sum;
    const enrolmentsByStatus = Object.fromEntries(
      enrolmentCounts.map(({ key, sum }) => [String(key), sum]),
    );
    const converted = enrolmentsByStatus.converted ?? 0;
    const totalEnrolments = Object.values(enrolmentsByStatus).reduce((a, b) => a + b, 0);
    const cost = Object.values(channels).reduce((a, c) => a + c.cost, 0);
    return {
      profiles,
      events,
      journeys: Object.fromEntries(journeys.map(({ key, sum }) => [String(key), sum])),
      enrolments: { total: totalEnrolments, byStatus: enrolmentsByStatus },
      conversions: converted,
      conversionRate: totalEnrolments > 0 ? converted / totalEnrolments : 0,
      revenue: revenues.reduce((a, r) => a + r.sum, 0),
      messages: channels,
      cost,
      costPerConversion: converted > 0 ? cost / converted : null,
    };
  },
});

export const analyticsEndpoints = [overview];
