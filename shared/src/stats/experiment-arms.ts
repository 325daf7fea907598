import type { VariantCounts } from "../schemas/http/experiments.js";

/** What an experiment.split node's config says about its arms, read loosely (a stored draft, not re-parsed). */
export type ExperimentArmsConfig = {
  variants?: readonly { id?: string }[];
  holdout?: number;
};

/** A split node's pre-aggregated counters per output port: departures, conversions and revenue. */
export type ExperimentPortCounters = {
  ports?: Record<string, number>;
  portConversions?: Record<string, number>;
  portRevenue?: Record<string, number>;
};

/**
 * The arms of an experiment with their counts: every port that counted a departure and every configured variant
 * (zero until one is counted), then the holdout when it counted one or the config reserves a share for it.
 * Ports come first, in their stored order, then variants not counted yet, in config order.
 */
export function experimentArms(
  config: ExperimentArmsConfig,
  counters: ExperimentPortCounters,
): VariantCounts[] {
  const ports = counters.ports ?? {};
  const conversions = counters.portConversions ?? {};
  const revenue = counters.portRevenue ?? {};
  const arms = Object.keys({
    ...ports,
    ...Object.fromEntries((config.variants ?? []).map((v) => [v.id ?? "", 0])),
  }).filter((arm) => arm !== "");
  if (ports.holdout !== undefined || (config.holdout ?? 0) > 0) arms.push("holdout");
  return [...new Set(arms)].map((arm) => ({
    id: arm,
    enrolled: ports[arm] ?? 0,
    converted: conversions[arm] ?? 0,
    revenue: revenue[arm] ?? 0,
  }));
}
