import { prng } from "@omnijourney/shared";
import { importAnalyticsHistory, type AnalyticsHistory } from "@omnijourney/store";
import type { ApiContext } from "../context.js";
import {
  abandonedCart,
  experiment,
  webinar,
  type Arm,
  type Enrolment,
} from "./history-journeys.js";
import { HistoryRecorder } from "./history-recorder.js";

const DAY = 86_400_000;

/** The welcome test has a clear winner: the offer converts at 14 %, the friendly subject at 8 %. */
const WELCOME_ARMS: readonly Arm[] = [
  { id: "A", weight: 45, rate: 0.08, node: "welcomeA", pOpen: 0.42, pClick: 0.12 },
  { id: "B", weight: 45, rate: 0.14, node: "welcomeB", pOpen: 0.5, pClick: 0.2 },
  { id: "holdout", weight: 10, rate: 0.05, pOpen: 0, pClick: 0 },
];
/** The win-back test is young and close: no verdict yet. */
const WINBACK_ARMS: readonly Arm[] = [
  { id: "discount", weight: 50, rate: 0.07, node: "discountEmail", pOpen: 0.35, pClick: 0.1 },
  { id: "shipping", weight: 50, rate: 0.08, node: "shippingEmail", pOpen: 0.36, pClick: 0.11 },
];

/** Daily volume with a weekly rhythm (weekends quieter) and a slow growth over the period. */
const volume = (base: number, daysAgo: number, at: Date): number =>
  Math.round(base * (at.getUTCDay() % 6 === 0 ? 0.6 : 1) * (1 + (60 - daysAgo) / 120));

/**
 * Sixty days of demo history (enrolments start before today; a late cascade step may fall on today): enrolments
 * through every demo journey, their messages and feedback, orders with revenue, experiment arms, and the
 * daily counters all of that implies. Deterministic, so a second seed skips every document.
 */
export function demoHistory(profileIds: readonly string[], now: Date, days = 60): AnalyticsHistory {
  const rec = new HistoryRecorder();
  const r = prng(20_260_160);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let n = 0;
  const enrol = (at: Date): Enrolment => ({
    key: `${n++}`,
    profileId: r.pick(profileIds),
    at,
    r,
    rec,
  });
  for (let daysAgo = days; daysAgo >= 1; daysAgo--) {
    const dayStart = today - daysAgo * DAY;
    const at = () => new Date(dayStart + r.int(7 * 3600, 21 * 3600) * 1000);
    const day = new Date(dayStart);
    for (let i = 0; i < volume(14, daysAgo, day); i++) abandonedCart(enrol(at()));
    for (let i = 0; i < volume(5, daysAgo, day); i++) webinar(enrol(at()));
    for (let i = 0; i < volume(32, daysAgo, day); i++)
      experiment(enrol(at()), "j_demo_welcome", "Signed Up", WELCOME_ARMS, true);
    if (daysAgo <= 10)
      for (let i = 0; i < volume(9, daysAgo, day); i++)
        experiment(enrol(at()), "j_demo_winback", "Customer Lapsed", WINBACK_ARMS, false);
  }
  return rec.history();
}

/** Writes the demo history (insertMany in batches; what exists is skipped). */
export const seedHistory = async (
  ctx: ApiContext,
  profileIds: readonly string[],
  now: Date,
): Promise<number> => {
  if (profileIds.length === 0) return 0;
  const history = demoHistory(profileIds, now);
  await importAnalyticsHistory(ctx.db, history);
  return history.events.length + history.messages.length;
};
