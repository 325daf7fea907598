import {
  attributeConversion,
  type AttributionModel,
  type AttributionOptions,
  type Conversion,
} from "./models.js";

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
