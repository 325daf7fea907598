import { describe, expect, it } from "vitest";
import { makeRoom } from "../src/canvas/store/makeRoom.js";
import type { JourneyNode } from "../src/canvas/store/types.js";

const card = (id: string, x: number, y: number): JourneyNode => ({
  id,
  type: "message.email",
  position: { x, y },
  config: {},
});

describe("cards make room for a card that grew (live counts, a cascade's table)", () => {
  const nodes = [card("t", 0, 0), card("c", 0, 160), card("r", -160, 420), card("x", 160, 420)];

  it("moves nothing while every card has its plain size", () => {
    expect(makeRoom(nodes, {}).size).toBe(0);
  });

  it("moves the cards under a grown card below it, and the ones under those in turn", () => {
    const below = [...nodes, card("after", 160, 560)];
    const moved = makeRoom(below, {
      c: { width: 240, height: 300 },
      x: { width: 240, height: 90 },
    });
    expect(moved.get("r")?.y).toBeGreaterThanOrEqual(160 + 300);
    expect(moved.get("x")?.y).toBeGreaterThanOrEqual(160 + 300);
    // The next card down keeps clear of the moved one.
    expect(moved.get("after")?.y).toBeGreaterThanOrEqual((moved.get("x")?.y ?? 0) + 90);
    expect(moved.has("t")).toBe(false);
    expect(moved.has("c")).toBe(false);
  });

  it("leaves cards side by side and cards placed over each other on purpose", () => {
    const moved = makeRoom([card("a", 0, 0), card("b", 300, 40), card("c", 10, 20)], {
      a: { width: 240, height: 300 },
    });
    expect(moved.size).toBe(0);
  });
});
