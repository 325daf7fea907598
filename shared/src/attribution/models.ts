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
