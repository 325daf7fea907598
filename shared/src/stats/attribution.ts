import { assertNever } from "../assert.js";
import { durationToMs, type Duration } from "../schemas/duration.js";

/** Attribution models. */
export type AttributionModel =
  "first_touch" | "last_touch" | "linear" | "time_decay" | "position_based";

/** A message that reached the customer before a conversion. */
export type Touch = {
  channel: string;
  at: Date | string;
  messageId?: string;
  journeyId?: string;
  nodeId?: string;
  cost?: number;
};
/** A conversion with its value and the touches on the same profile. */
export type Conversion = { at: Date | string; value?: number; touches: readonly Touch[] };

/** Options of the attribution functions. */
export type AttributionOptions = {
  model: AttributionModel;
  /** Touches older than this before the conversion get no credit (default 30 days). */
  lookback?: Duration;
  /** time_decay: a touch this long before the conversion gets half the weight of one at the conversion (default 7 days). */
  halfLife?: Duration;
  /** position_based: shares of the first and last touch (default 0.4 each; the rest is split evenly over the middle). */
  firstShare?: number;
  lastShare?: number;
};

/** One touch's share of a conversion. */
export type Credit = { touch: Touch; credit: number };

const time = (d: Date | string): number =>
  d instanceof Date ? d.getTime() : new Date(d).getTime();

/** Splits one conversion's credit over its eligible touches (shares sum to 1, or the list is empty when no touch qualifies). */
export function attributeConversion(conversion: Conversion, options: AttributionOptions): Credit[] {
  const at = time(conversion.at);
  const lookback = durationToMs(options.lookback ?? { amount: 30, unit: "day" });
  const touches = conversion.touches
    .map((touch, i) => ({ touch, t: time(touch.at), i }))
    .filter((x) => Number.isFinite(x.t) && x.t <= at && at - x.t <= lookback)
    .sort((a, b) => a.t - b.t || a.i - b.i);
  const n = touches.length;
  if (n === 0) return [];
  let weights: number[];
  switch (options.model) {
    case "first_touch":
      weights = touches.map((_, i) => (i === 0 ? 1 : 0));
      break;
    case "last_touch":
      weights = touches.map((_, i) => (i === n - 1 ? 1 : 0));
      break;
    case "linear":
      weights = touches.map(() => 1);
      break;
    case "time_decay": {
      const half = Math.max(1, durationToMs(options.halfLife ?? { amount: 7, unit: "day" }));
      weights = touches.map((x) => 2 ** (-(at - x.t) / half));
      break;
    }
    case "position_based": {
      const first = options.firstShare ?? 0.4;
      const last = options.lastShare ?? 0.4;
      if (n === 1) weights = [1];
      else if (n === 2) weights = [0.5, 0.5];
      else
        weights = touches.map((_, i) =>
          i === 0 ? first : i === n - 1 ? last : (1 - first - last) / (n - 2),
        );
      break;
    }
    default:
      return assertNever(options.model);
  }
  const total = weights.reduce((s, w) => s + w, 0);
  return touches.map((x, i) => ({
    touch: x.touch,
    credit: total > 0 ? (weights[i] ?? 0) / total : 0,
  }));
}

/** Credited conversions and value per channel. */
export type ChannelAttribution = {
  conversions: number;
  value: number;
  touches: number;
  cost: number;
};

/** What {@link attribute} returns. */
export type AttributionResult = {
  model: AttributionModel;
  byChannel: Record<string, ChannelAttribution>;
  total: { conversions: number; value: number };
  /** Conversions with no touch inside the lookback window. */
  unattributed: { conversions: number; value: number };
};

/**
 * Attributes conversions to channels with one of the five models (first/last touch, linear, time-decay,
 * position-based). Each conversion's credit sums to 1 over its touches inside the lookback window.
 */
export function attribute(
  conversions: readonly Conversion[],
  options: AttributionOptions,
): AttributionResult {
  const byChannel = new Map<string, ChannelAttribution>();
  const result: AttributionResult = {
    model: options.model,
    byChannel: {},
    total: { conversions: 0, value: 0 },
    unattributed: { conversions: 0, value: 0 },
  };
  for (const conversion of conversions) {
    const value = conversion.value ?? 0;
    result.total.conversions += 1;
    result.total.value += value;
    const credits = attributeConversion(conversion, options);
    if (credits.length === 0) {
      result.unattributed.conversions += 1;
      result.unattributed.value += value;
      continue;
    }
    for (const { touch, credit } of credits) {
      const entry = byChannel.get(touch.channel) ?? {
        conversions: 0,
        value: 0,
        touches: 0,
        cost: 0,
      };
      entry.conversions += credit;
      entry.value += credit * value;
      entry.touches += 1;
      entry.cost += touch.cost ?? 0;
      byChannel.set(touch.channel, entry);
    }
  }
  result.byChannel = Object.fromEntries(
    [...byChannel.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return result;
}
