import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";

/** A variant as `experiment.split` declares it. */
export type VariantWeight = { id: string; weight: number };

/** Uniform number in [0, 1) from SHA-256 of the parts (first 48 bits). Pure, deterministic, workflow-safe. */
export function stableUnit(...parts: string[]): number {
  // Length-prefixing each part keeps ("ab","c") and ("a","bc") apart.
  const bytes = sha256(utf8ToBytes(parts.map((p) => `${p.length}:${p}`).join("|")));
  let value = 0;
  for (let i = 0; i < 6; i++) value = value * 256 + (bytes[i] ?? 0);
  return value / 2 ** 48;
}

/**
 * Picks the variant for a profile by a stable hash of (journey, node, profile): the same inputs always give the
 * same variant, so a profile that re-enters sees the same one. With `holdout` (percent) that share of profiles
 * gets "holdout". Weights need not sum to 100 (they are normalised); zero-weight variants are never picked.
 */
export function assignVariant(
  journeyId: string,
  nodeId: string,
  profileId: string,
  variants: readonly VariantWeight[],
  holdout = 0,
): string {
  const u = stableUnit("omnijourney.experiment", journeyId, nodeId, profileId);
  const held = Math.min(Math.max(holdout, 0), 100) / 100;
  if (u < held || variants.length === 0) return "holdout";
  const total = variants.reduce((sum, v) => sum + Math.max(v.weight, 0), 0);
  if (total <= 0) return "holdout";
  const point = ((u - held) / (1 - held)) * total;
  let acc = 0;
  for (const v of variants) {
    acc += Math.max(v.weight, 0);
    if (point < acc) return v.id;
  }
  const last = [...variants].reverse().find((v) => v.weight > 0);
  return last?.id ?? "holdout";
}
