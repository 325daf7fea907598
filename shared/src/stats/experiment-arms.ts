import type { VariantCounts } from "../schemas/http/experiments.js";

/** What an experiment.split node's config says about its arms, read loosely (a stored draft, not re-parsed). */
export type ExperimentArmsConfig = {
  variants?: readonly { id?: string }[];
  holdout?: number;
  control?: string;
};

/** A split node's pre-aggregated counters per arm: entries, conversions and revenue. */
export type ExperimentPortCounters = {
  ports?: Record<string, number>;
  portConversions?: Record<string, number>;
  portRevenue?: Record<string, number>;
};

/**
 * The arm the others are compared with: the configured `control`, else the first variant of the config (pass the
 * live version's config: DESIGN.md "Runtime semantics"). Empty when the config names no variant.
 */
export function experimentControl(config: ExperimentArmsConfig): string {
  return config.control ?? config.variants?.find((v) => v.id)?.id ?? "";
}

/**
 * The arms of an experiment with their counts: the configured variants in config order (zero until one is
 * counted), then arms counted but no longer configured (an earlier version's), in stored order, then the holdout
 * when it counted one or the config reserves a share for it. The order never depends on which arm was counted
 * first, so the first arm is the default control.
 */
export function experimentArms(
  config: ExperimentArmsConfig,
  counters: ExperimentPortCounters,
): VariantCounts[] {
  const ports = counters.ports ?? {};
  const conversions = counters.portConversions ?? {};
  const revenue = counters.portRevenue ?? {};
  const configured = (config.variants ?? []).flatMap((v) => (v.id ? [v.id] : []));
  const arms = [...configured, ...Object.keys(ports)].filter((arm) => arm !== "holdout");
  if (ports.holdout !== undefined || (config.holdout ?? 0) > 0) arms.push("holdout");
  return [...new Set(arms)].map((arm) => ({
    id: arm,
    enrolled: ports[arm] ?? 0,
    converted: conversions[arm] ?? 0,
    revenue: revenue[arm] ?? 0,
  }));
}
