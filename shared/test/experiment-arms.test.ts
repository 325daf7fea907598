import { describe, expect, it } from "vitest";
import { experimentArms, experimentControl, experimentResults } from "../src/index.js";

describe("experimentArms", () => {
  it("lists configured variants in config order (zeros until counted), then ports no longer configured", () => {
    const arms = experimentArms(
      { variants: [{ id: "a" }, { id: "b" }, { id: "c" }] },
      { ports: { old: 3, b: 10, a: 4 }, portConversions: { b: 2 }, portRevenue: { a: 1.5 } },
    );
    expect(arms).toEqual([
      { id: "a", enrolled: 4, converted: 0, revenue: 1.5 },
      { id: "b", enrolled: 10, converted: 2, revenue: 0 },
      { id: "c", enrolled: 0, converted: 0, revenue: 0 },
      { id: "old", enrolled: 3, converted: 0, revenue: 0 },
    ]);
  });

  it("adds the holdout once, last, when counted or reserved by the config", () => {
    expect(experimentArms({ holdout: 10, variants: [{ id: "a" }] }, {}).map((a) => a.id)).toEqual([
      "a",
      "holdout",
    ]);
    expect(experimentArms({}, { ports: { holdout: 3, a: 1 } }).map((a) => a.id)).toEqual([
      "a",
      "holdout",
    ]);
  });

  it("ignores variants without an id", () => {
    expect(experimentArms({ variants: [{}, { id: "a" }] }, {}).map((a) => a.id)).toEqual(["a"]);
  });
});

describe("experimentControl", () => {
  it("is the first variant when none is set, whatever order the counters were stored in", () => {
    const config = { variants: [{ id: "a" }, { id: "b" }], holdout: 10 };
    expect(experimentControl(config)).toBe("a");
    const arms = experimentArms(config, { ports: { b: 50, holdout: 10, a: 50 } });
    expect(experimentResults({ variants: arms, control: experimentControl(config) }).control).toBe(
      "a",
    );
  });

  it("is the configured control when set", () => {
    expect(experimentControl({ variants: [{ id: "a" }, { id: "b" }], control: "b" })).toBe("b");
  });
});
