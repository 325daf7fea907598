import { z } from "zod";
import { endpoint } from "../http/endpoint.js";

const num = (v: unknown) => (typeof v === "number" ? v : 0);

export const overview = endpoint({
  method: "get",
  path: "/analytics/overview",
  summary:
    "Workspace totals: profiles, events, journeys, enrolments, messages and cost per channel",
  tags: ["analytics"],
  auth: "bearer",
  query: z.object({ journeyId: z.string().max(200).optional() }),
  response: z.record(z.string(), z.unknown()),
  handler: async ({ query }, { app }) => {
    const byJourney = query.journeyId ? { journeyId: query.journeyId } : {};
    const [profiles, events, journeys, enrolments, messages] = await Promise.all([
      app.db.profiles.estimatedDocumentCount(),
      app.db.events.estimatedDocumentCount(),
      app.db.journeys.aggregate([{ $group: { _id: "$status", n: { $sum: 1 } } }]).toArray(),
      app.db.enrolments
        .aggregate([
          { $match: byJourney },
          { $group: { _id: "$status", n: { $sum: 1 }, revenue: { $sum: "$revenue" } } },
        ])
        .toArray(),
      app.db.messages
        .aggregate([
          { $match: byJourney },
          {
            $group: {
              _id: { channel: "$channel", status: "$status" },
              n: { $sum: 1 },
              cost: { $sum: "$cost" },
            },
          },
        ])
        .toArray(),
    ]);
    const channels: Record<
      string,
      { total: number; cost: number; byStatus: Record<string, number> }
    > = {};
    for (const m of messages) {
      const id = (m._id ?? {}) as { channel?: string; status?: string }; // why: the $group key above
      const c = (channels[id.channel ?? "unknown"] ??= { total: 0, cost: 0, byStatus: {} });
      c.total += num(m.n);
      c.cost += num(m.cost);
      c.byStatus[id.status ?? "unknown"] = num(m.n);
    }
    const enrolmentsByStatus = Object.fromEntries(enrolments.map((e) => [String(e._id), num(e.n)]));
    const converted = enrolmentsByStatus.converted ?? 0;
    const totalEnrolments = Object.values(enrolmentsByStatus).reduce((a, b) => a + b, 0);
    const cost = Object.values(channels).reduce((a, c) => a + c.cost, 0);
    return {
      profiles,
      events,
      journeys: Object.fromEntries(journeys.map((j) => [String(j._id), num(j.n)])),
      enrolments: { total: totalEnrolments, byStatus: enrolmentsByStatus },
      conversions: converted,
      conversionRate: totalEnrolments > 0 ? converted / totalEnrolments : 0,
      revenue: enrolments.reduce((a, e) => a + num(e.revenue), 0),
      messages: channels,
      cost,
      costPerConversion: converted > 0 ? cost / converted : null,
    };
  },
});

export const analyticsEndpoints = [overview];
