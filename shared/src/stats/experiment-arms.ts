import type { VariantCounts } from "../schemas/http/experiments.js";

/** What an experiment.split node's config says about its arms, read loosely (a stored draft, not re-parsed). */
export type ExperimentArmsConfig = {
  variants?: readonly { id?: string; name?: string; weight?: number }[];
  holdout?: number;
  control?: string;
};

/**
 * A split node's pre-aggregated counters per output port: departures, conversions, revenue and, when counted,
 * the sum of each converter's revenue squared (for the revenue interval).
 */
export type ExperimentPortCounters = {
  ports?: Record<string, number>;
  portConversions?: Record<string, number>;
  portRevenue?: Record<string, number>;
  portRevenueSquares?: Record<string, number>;
};

/**
 * The arm the others are compared with: the configured `control`, else the first variant of the config (pass the
 * live version's config: DESIGN.md "Runtime semantics"). Empty when the config names no variant.
 */
export function experimentControl(config: ExperimentArmsConfig): string {
  return config.control ?? config.variants?.find((v) => v.id)?.id ?? "";
}

/**
 * The arms of an experiment with their counts: every port that counted a departure and every configured variant
 * (zero until one is counted), then the holdout when it counted someone or the config reserves a share for it
 * (never a 0 % holdout with nobody in it). Configured variants come first, in config order (so the first arm is
 * the documented default control, whatever order the counters were stored in), then ports counted for variants
 * no longer configured, in their stored order. Each configured arm carries its name and its share of the node's
 * entrants (`weight`, 0–1: the variant's weight times the non-held-out share, as `assignVariant` splits).
 */
export function experimentArms(
  config: ExperimentArmsConfig,
  counters: ExperimentPortCounters,
): VariantCounts[] {
  const ports = counters.ports ?? {};
  const conversions = counters.portConversions ?? {};
  const revenue = counters.portRevenue ?? {};
  const squares = counters.portRevenueSquares;
  const variants = (config.variants ?? []).filter((v) => (v.id ?? "") !== "");
  const held = Math.min(Math.max(config.holdout ?? 0, 0), 100) / 100;
  const totalWeight = variants.reduce((sum, v) => sum + Math.max(v.weight ?? 0, 0), 0);
  const shares = new Map<string, { name?: string; weight?: number }>(
    variants.map((v) => [
      v.id ?? "",
      {
        ...(v.name ? { name: v.name } : {}),
        ...(v.weight !== undefined && totalWeight > 0
          ? { weight: (Math.max(v.weight, 0) / totalWeight) * (1 - held) }
          : {}),
      },
    ]),
  );
  if (variants.length > 0) shares.set("holdout", { weight: held });
  const arms = [...variants.map((v) => v.id ?? ""), ...Object.keys(ports)].filter(
    (arm) => arm !== "" && arm !== "holdout",
  );
  if ((ports.holdout ?? 0) > 0 || held > 0) arms.push("holdout");
  return [...new Set(arms)].map((arm) => ({
    id: arm,
    ...(shares.get(arm) ?? {}),
    enrolled: ports[arm] ?? 0,
    converted: conversions[arm] ?? 0,
    revenue: revenue[arm] ?? 0,
    ...(squares ? { revenueSquares: squares[arm] ?? 0 } : {}),
  }));
}
