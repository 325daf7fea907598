import { fisherExactTwoSided } from "./fisher.js";
import { normalQuantile, twoSidedP } from "./normal.js";
import type {
  Comparison,
  ExperimentResults,
  VariantCounts,
  VariantResult,
} from "../schemas/http/experiments.js";

export type { Comparison, ExperimentResults, VariantCounts, VariantResult };

/** Options of {@link experimentResults}. */
export type ExperimentOptions = {
  variants: readonly VariantCounts[];
  /** Variant the others are compared with (default: "holdout" when present, else the first variant). */
  control?: string;
  /** Confidence level for intervals and the family-wise significance level 1 − confidence (default 0.95). */
  confidence?: number;
  /** Below this many enrolments in either group a comparison is reported as `insufficient_data` (default 30). */
  minSample?: number;
};

/** Wilson score interval for k successes out of n. */
export function wilsonInterval(k: number, n: number, z: number): [number, number] {
  if (n <= 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function clean(v: VariantCounts): VariantCounts {
  const enrolled = Math.max(0, Math.floor(Number.isFinite(v.enrolled) ? v.enrolled : 0));
  const converted = Math.min(
    enrolled,
    Math.max(0, Math.floor(Number.isFinite(v.converted) ? v.converted : 0)),
  );
  return { ...v, enrolled, converted };
}

/**
 * Per-variant conversion with Wilson intervals, and each variant against the control: a pooled two-proportion
 * z-test when every expected cell count is at least 5, Fisher's exact test otherwise; p-values adjusted with
 * Holm–Bonferroni across the comparisons, so testing several variants does not inflate false positives.
 * Comparisons where either group has fewer than `minSample` enrolments are `insufficient_data` and never significant.
 */
export function experimentResults(options: ExperimentOptions): ExperimentResults {
  const confidence =
    options.confidence !== undefined && options.confidence > 0.5 && options.confidence < 1
      ? options.confidence
      : 0.95;
  const alpha = 1 - confidence;
  const z = normalQuantile(1 - alpha / 2);
  const minSample = options.minSample ?? 30;
  const variants = options.variants.map(clean);
  const controlId =
    options.control ??
    (variants.some((v) => v.id === "holdout") ? "holdout" : (variants[0]?.id ?? ""));
  const control = variants.find((v) => v.id === controlId);
  const notes: string[] = [];
  if (!control) notes.push(`No variant named '${controlId}' to compare with.`);

  type Raw = { index: number; test: "z" | "fisher"; p: number; enough: boolean };
  const raws: Raw[] = [];
  variants.forEach((v, index) => {
    if (!control || v.id === control.id) return;
    const n1 = v.enrolled;
    const n2 = control.enrolled;
    const enough = n1 >= minSample && n2 >= minSample;
    const pooled = n1 + n2 > 0 ? (v.converted + control.converted) / (n1 + n2) : 0;
    const expectedOk = [n1 * pooled, n1 * (1 - pooled), n2 * pooled, n2 * (1 - pooled)].every(
      (e) => e >= 5,
    );
    let p = 1;
    let test: "z" | "fisher" = "fisher";
    if (n1 > 0 && n2 > 0) {
      if (expectedOk) {
        test = "z";
        const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        p = se > 0 ? twoSidedP((v.converted / n1 - control.converted / n2) / se) : 1;
      } else {
        p = fisherExactTwoSided(
          v.converted,
          n1 - v.converted,
          control.converted,
          n2 - control.converted,
        );
      }
    }
    raws.push({ index, test, p, enough });
  });

  // Holm–Bonferroni: sort p ascending, adjusted_i = max over j ≤ i of min(1, (m − j) · p_j).
  const m = raws.length;
  const adjusted = new Map<number, number>();
  let running = 0;
  [...raws]
    .sort((a, b) => a.p - b.p)
    .forEach((r, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * r.p));
      adjusted.set(r.index, running);
    });

  const results: VariantResult[] = variants.map((v, index) => {
    const rate = v.enrolled > 0 ? v.converted / v.enrolled : 0;
    const interval = wilsonInterval(v.converted, v.enrolled, z);
    const base: VariantResult = {
      ...v,
      rate,
      interval,
      revenuePerEnrolled: v.revenue !== undefined && v.enrolled > 0 ? v.revenue / v.enrolled : null,
      isControl: v.id === control?.id,
      vsControl: null,
    };
    const raw = raws.find((r) => r.index === index);
    if (!raw || !control) return base;
    const cRate = control.enrolled > 0 ? control.converted / control.enrolled : 0;
    const cInterval = wilsonInterval(control.converted, control.enrolled, z);
    const diff = rate - cRate;
    const lower = diff - Math.sqrt((rate - interval[0]) ** 2 + (cInterval[1] - cRate) ** 2);
    const upper = diff + Math.sqrt((interval[1] - rate) ** 2 + (cRate - cInterval[0]) ** 2);
    const adjustedPValue = adjusted.get(index) ?? 1;
    const significant = raw.enough && adjustedPValue < alpha;
    return {
      ...base,
      vsControl: {
        diff,
        diffInterval: [lower, upper],
        relativeLift: cRate > 0 ? rate / cRate - 1 : null,
        test: raw.test,
        pValue: raw.p,
        adjustedPValue,
        significant,
        status: !raw.enough
          ? "insufficient_data"
          : !significant
            ? "not_significant"
            : diff > 0
              ? "better"
              : "worse",
      },
    };
  });

  if (raws.some((r) => !r.enough))
    notes.push(`Comparisons with fewer than ${minSample} customers in a group are not judged.`);
  if (raws.some((r) => r.test === "fisher"))
    notes.push("Small counts were compared with Fisher's exact test instead of the z-test.");
  const better = results
    .filter((r) => r.vsControl?.status === "better")
    .sort((a, b) => b.rate - a.rate);
  return {
    control: controlId,
    confidence,
    method:
      "Wilson score intervals per variant; each variant vs the control by a pooled two-proportion z-test (Fisher's exact test when an expected cell count is below 5), two-sided, p-values Holm–Bonferroni adjusted across comparisons; difference intervals by Newcombe's hybrid score method (unadjusted).",
    variants: results,
    winner: better[0]?.id ?? null,
    notes,
  };
}
