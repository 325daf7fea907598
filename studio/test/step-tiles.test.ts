import { describe, expect, it } from "vitest";
import { emptyNodeStats } from "@omnijourney/shared";
import { stepTiles } from "../src/panels/stepTiles.js";

describe("step side panel tiles", () => {
  it("shows how many failed at the step beside entered, waiting, completed and converted", () => {
    const tiles = stepTiles({
      ...emptyNodeStats(),
      entered: 7,
      active: 1,
      completed: 4,
      failed: 2,
    });
    expect(tiles.map((t) => [t.label, t.value])).toEqual([
      ["entered", 7],
      ["waiting", 1],
      ["completed", 4],
      ["converted", 0],
      ["failed", 2],
    ]);
    expect(tiles.find((t) => t.label === "failed")?.alert).toBe(true);
  });

  it("does not alarm while nothing failed", () => {
    const tiles = stepTiles({ ...emptyNodeStats(), entered: 3, completed: 3 });
    expect(tiles.every((t) => !t.alert)).toBe(true);
  });
});
