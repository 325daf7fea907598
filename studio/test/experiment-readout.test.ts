import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { experimentArms, experimentResults, type ExperimentResponse } from "@omnijourney/shared";
import { ExperimentReadout } from "../src/panels/experiment/ExperimentReadout.js";
import { comparisonText, progressText, visibleArms } from "../src/panels/experiment/format.js";

/** Results as the API computes them, from a split node's config and counters. */
const results = (
  holdout: number,
  ports: Record<string, number>,
  portConversions: Record<string, number>,
): ExperimentResponse => ({
  nodeId: "ab",
  ...experimentResults({
    variants: experimentArms(
      {
        variants: [
          { id: "a", name: "Plain subject", weight: 50 },
          { id: "b", name: "Emoji subject", weight: 50 },
        ],
        holdout,
      },
      { ports, portConversions },
    ),
  }),
});

const render = (r: ExperimentResponse): string =>
  renderToStaticMarkup(createElement(ExperimentReadout, { results: r }));
const text = (html: string): string => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the experiment readout", () => {
  const winning = results(
    10,
    { b: 9000, a: 9000, holdout: 2000 },
    { a: 900, b: 1090, holdout: 150 },
  );

  it("reads the verdict with variant names, the control first, and no internal ids", () => {
    const html = render(winning);
    const shown = text(html);
    expect(shown).toMatch(/Emoji subject beats Plain subject: \+21 % conversions/);
    expect(shown.indexOf("Plain subject Baseline 10.0 %")).toBeLessThan(
      shown.indexOf("Emoji subject Winner 12.1 %"),
    );
    expect(shown.indexOf("Emoji subject Winner")).toBeGreaterThan(0);
    expect(shown).toMatch(/Baseline/);
    expect(shown).toMatch(/Winner/);
    expect(shown).toMatch(/\d+ % chance to beat Plain subject/);
    expect(shown).toMatch(/Likely lift \+\d+ % to \+\d+ %/);
    expect(shown).not.toMatch(/vsControl|variant_wins|p-value|more customers are needed/);
    expect(shown).toMatch(/Holdout/);
  });

  it("shows no holdout row for a 0 % holdout and explains it is too early", () => {
    const early = results(0, { a: 12, b: 9 }, { a: 1 });
    expect(visibleArms(early).map((v) => v.name)).toEqual(["Plain subject", "Emoji subject"]);
    const shown = text(render(early));
    expect(shown).toMatch(/Too early to tell/);
    expect(shown).not.toMatch(/Holdout/);
  });

  it("states sample-size progress and the lift range from the always-valid sequence", () => {
    const running = results(0, { a: 2000, b: 2000 }, { a: 200, b: 215 });
    const progress = progressText(running);
    expect(progress.share).toBeCloseTo(2000 / (running.sampleSize.requiredPerArm ?? 1), 10);
    expect(progress.text).toMatch(
      /^\d+ % of the way: about [\d,]+ more customers to detect a 10 % lift\.$/,
    );
    const [control, b] = running.variants;
    const vs = b && control ? comparisonText(b, control.name, control.rate) : null;
    const [lo, hi] = b?.vsControl?.confidenceSequence ?? [0, 0];
    expect(vs?.range).toBe(
      `Likely lift −${Math.abs((lo / 0.1) * 100).toFixed(0)} % to +${((hi / 0.1) * 100).toFixed(0)} %`,
    );
  });
});

describe("the lift before the control converts", () => {
  it("says there is no lift yet rather than inventing one", () => {
    const none = results(0, { a: 7, b: 5 }, {});
    const [control, b] = none.variants;
    expect(b && control ? comparisonText(b, control.name, control.rate)?.lift : null).toBe(
      "No lift yet",
    );
    const some = results(0, { a: 7, b: 5 }, { b: 1 });
    const [c2, b2] = some.variants;
    expect(b2 && c2 ? comparisonText(b2, c2.name, c2.rate)?.lift : null).toBe(
      "Converts, Plain subject not yet",
    );
  });
});
