import type {
  SampleRatio,
  SampleSize,
  VariantResult,
  Verdict,
} from "../schemas/http/experiments.js";

/** What {@link experimentVerdict} reads: the computed arms (control first) and the experiment-wide figures. */
export type VerdictInput = {
  variants: readonly VariantResult[];
  winner: string | null;
  sampleRatio: SampleRatio | null;
  sampleSize: SampleSize;
  alpha: number;
  minSample: number;
  mde: number;
};

const percent = (x: number, digits = 0): string => `${(x * 100).toFixed(digits)} %`;
const list = (names: readonly string[]): string =>
  names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
const count = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ","); // why: Intl is slow and locale-dependent

/**
 * The plain-language reading of an experiment, for a marketer: a sample ratio mismatch first (the figures cannot be
 * trusted), then "too early" (an arm below `minSample` customers or no conversion yet), then the always-valid test
 * (Holm-adjusted): a winner, the control beating every arm that differs, or no detectable difference yet. Caveats
 * say what to keep in mind: sample size progress, small counts, a one-look test that disagrees, the holdout.
 */
export function experimentVerdict(input: VerdictInput): Verdict {
  const [control, ...others] = input.variants;
  if (!control || others.length === 0)
    return { kind: "too_early", headline: "This test needs at least two variants.", caveats: [] };
  const confidence = percent(1 - input.alpha);
  const caveats: string[] = [];
  const size = input.sampleSize;
  if (others.some((v) => v.vsControl?.test === "fisher"))
    caveats.push(
      "Some groups are still small, so they are compared with an exact test for small numbers.",
    );
  const oneLookOnly = others.filter(
    (v) => v.vsControl?.significant && v.vsControl.status === "not_significant",
  );
  if (oneLookOnly.length > 0)
    caveats.push(
      `A one-time test would already call ${list(oneLookOnly.map((v) => v.name))} different, but that only holds if you look once; this verdict waits for evidence that holds however often you check.`,
    );
  if (input.variants.some((v) => v.id === "holdout"))
    caveats.push(
      "The holdout gets no messages from this step: comparing with it shows what the journey adds.",
    );

  if (input.sampleRatio?.mismatch) {
    const total = input.variants.reduce((sum, v) => sum + v.enrolled, 0);
    const actual = input.variants.map(
      (v) => `${v.name} ${percent(total > 0 ? v.enrolled / total : 0)}`,
    );
    const expected = input.variants.map((v) => `${v.name} ${percent(v.weight ?? 0)}`);
    return {
      kind: "sample_ratio_mismatch",
      headline: "Customers are not splitting as configured, so these results can't be trusted yet.",
      caveats: [
        `Expected ${expected.join(" / ")}, got ${actual.join(" / ")}. Something may be sending customers to one variant more than another.`,
        ...caveats,
      ],
    };
  }
  const small = input.variants.filter((v) => v.enrolled < input.minSample);
  // Only while the question is open: once a side wins, more customers would only sharpen the estimate.
  const needMore =
    size.remainingEntrants !== null && size.remainingEntrants > 0
      ? `About ${count(size.remainingEntrants)} more customers are needed to reliably detect a ${percent(input.mde)} lift.`
      : null;
  if (small.length > 0 || input.variants.every((v) => v.converted === 0)) {
    return {
      kind: "too_early",
      headline:
        small.length > 0
          ? `Too early to tell: every variant needs at least ${input.minSample} customers (${list(small.map((v) => v.name))} ${small.length === 1 ? "has" : "have"} fewer).`
          : "Too early to tell: nobody has converted yet.",
      caveats: needMore ? [needMore, ...caveats] : caveats,
    };
  }
  const winner = others.find((v) => v.id === input.winner);
  if (winner?.vsControl) {
    const lift = winner.vsControl.relativeLift;
    return {
      kind: "variant_wins",
      headline: `${winner.name} beats ${control.name}${lift !== null ? `: ${lift >= 0 ? "+" : ""}${percent(lift)} conversions` : ""} (${confidence} confidence, however often you check).`,
      caveats,
    };
  }
  const worse = others.filter((v) => v.vsControl?.status === "worse");
  if (worse.length > 0 && worse.length === others.length) {
    return {
      kind: "control_wins",
      headline: `${control.name} beats ${list(worse.map((v) => v.name))} (${confidence} confidence, however often you check).`,
      caveats,
    };
  }
  const planned = size.progress !== null && size.progress >= 1;
  if (worse.length > 0)
    caveats.push(`${list(worse.map((v) => v.name))} converts worse than ${control.name}.`);
  if (planned)
    caveats.push(
      `The planned sample is reached: any remaining difference is probably smaller than a ${percent(input.mde)} lift.`,
    );
  return {
    kind: "no_difference_yet",
    headline: `No detectable difference yet between ${list([control.name, ...others.filter((v) => v.vsControl?.status !== "worse").map((v) => v.name)])}.`,
    caveats: needMore ? [needMore, ...caveats] : caveats,
  };
}
