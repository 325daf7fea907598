import type { ExperimentResponse, VariantResult, Verdict } from "@omnijourney/shared";

/** Words and numbers of the experiment readout, kept apart from the markup so they can be tested as text. */

const percent = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)} %`;
const signed = (x: number, digits = 0): string =>
  `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(digits)} %`;
const grouped = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ","); // why: no locale-dependent separators in tests

/** The arms to show: the control first (the API's order), never a holdout nobody was assigned to. */
export function visibleArms(results: ExperimentResponse): VariantResult[] {
  return results.variants.filter(
    (v) => !(v.id === "holdout" && v.enrolled === 0 && (v.weight ?? 0) === 0),
  );
}

/** "12.1 %" and its Wilson range "11.5 – 12.8 %". */
export function rateText(v: VariantResult): { rate: string; range: string } {
  return {
    rate: percent(v.rate),
    range: `${(v.interval[0] * 100).toFixed(1)} – ${percent(v.interval[1])}`,
  };
}

/** How an arm compares with the control, in a marketer's words; null for the control itself. */
export function comparisonText(
  v: VariantResult,
  controlName: string,
  controlRate: number,
): { lift: string; chance: string; range: string | null } | null {
  const c = v.vsControl;
  if (!c) return null;
  const lift =
    c.relativeLift !== null
      ? `${signed(c.relativeLift)} lift`
      : v.rate > 0
        ? `Converts, ${controlName} not yet`
        : "No lift yet";
  const chance = `${Math.round(c.probabilityToBeatControl * 100)} % chance to beat ${controlName}`;
  const [lo, hi] = c.confidenceSequence;
  const range =
    controlRate > 0
      ? `Likely lift ${signed(lo / controlRate)} to ${signed(hi / controlRate)}`
      : null;
  return { lift, chance, range };
}

/** Progress towards a reliable read for the minimum detectable effect. */
export function progressText(results: ExperimentResponse): { share: number | null; text: string } {
  const s = results.sampleSize;
  const effect = percent(s.minimumDetectableEffect, 0);
  if (s.progress === null)
    return {
      share: null,
      text: `Progress shows once ${results.variants[0]?.name ?? "the control"} has conversions.`,
    };
  if (s.progress >= 1) return { share: 1, text: `Enough customers to detect a ${effect} lift.` };
  return {
    share: s.progress,
    text: `${Math.floor(s.progress * 100)} % of the way: about ${grouped(s.remainingEntrants ?? 0)} more customers to detect a ${effect} lift.`,
  };
}

/** The tone of the verdict banner. */
export function verdictTone(kind: Verdict["kind"]): "success" | "warning" | "neutral" | "danger" {
  switch (kind) {
    case "variant_wins":
    case "control_wins":
      return "success";
    case "sample_ratio_mismatch":
      return "danger";
    case "too_early":
      return "neutral";
    case "no_difference_yet":
      return "warning";
  }
}

/** Revenue per customer, when the journey counts revenue. */
export function revenueText(v: VariantResult): string | null {
  if (v.revenuePerEnrolled === null || !(v.revenue && v.revenue > 0)) return null;
  return `${v.revenuePerEnrolled.toFixed(2)} revenue per customer`;
}

export { grouped };
