import {
  addDays,
  attribute,
  dayStart,
  eventRevenue,
  touchesOfMessage,
  type AttributionReport,
  type Conversion,
  type Touch,
} from "@omnijourney/shared";
import { readGoalEvents, readTouchingMessages } from "@omnijourney/store";
import type { ApiContext } from "../context.js";
import type { Range } from "./analytics-range.js";
import { workspaceCurrency } from "./analytics.js";

/** What an attribution report is asked for. */
export type AttributionQuery = Range & {
  goal: string;
  model: AttributionReport["model"];
  halfLifeDays: number;
  lookbackDays: number;
};

const DAY_MS = 86_400_000;
const PROFILES_PER_QUERY = 500;

/**
 * A goal's conversions in the range credited to channels (docs/analytics.md, "Attribution"): every goal event is a
 * conversion; its touches are the profile's messages sent (and clicked) before it, inside the lookback window.
 */
export const attributionReport = async (
  ctx: ApiContext,
  query: AttributionQuery,
): Promise<AttributionReport> => {
  const since = dayStart(query.from);
  const until = dayStart(addDays(query.to, 1));
  const [events, currency] = await Promise.all([
    readGoalEvents(ctx.db, query.goal, since, until),
    workspaceCurrency(ctx.db),
  ]);
  const profileIds = [...new Set(events.map((e) => e.profileId))];
  const touchesSince = new Date(since.getTime() - query.lookbackDays * DAY_MS);
  const touches = new Map<string, Touch[]>();
  for (let i = 0; i < profileIds.length; i += PROFILES_PER_QUERY) {
    const messages = await readTouchingMessages(
      ctx.db,
      profileIds.slice(i, i + PROFILES_PER_QUERY),
      touchesSince,
    );
    for (const m of messages)
      touches.set(m.profileId, [...(touches.get(m.profileId) ?? []), ...touchesOfMessage(m)]);
  }
  const conversions: Conversion[] = events.map((e) => ({
    at: e.timestamp,
    value: eventRevenue(e.properties),
    touches: touches.get(e.profileId) ?? [],
  }));
  const result = attribute(conversions, {
    model: query.model,
    lookback: { amount: query.lookbackDays, unit: "day" },
    halfLife: { amount: query.halfLifeDays, unit: "day" },
  });
  return {
    goal: query.goal,
    model: query.model,
    from: query.from,
    to: query.to,
    currency,
    halfLifeDays: query.halfLifeDays,
    lookbackDays: query.lookbackDays,
    channels: Object.entries(result.byChannel).map(([channel, c]) => ({ channel, ...c })),
    total: result.total,
    unattributed: result.unattributed,
  };
};
