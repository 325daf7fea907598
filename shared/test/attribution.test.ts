import { describe, expect, it } from "vitest";
import {
  attribute,
  touchesOfMessage,
  type AttributionModel,
  type Conversion,
} from "../src/index.js";

// Worked by hand (docs/analytics.md, "Attribution"): three conversions over three channels.
//  A: 100 on day 10 after email (day 1), sms (day 5), push (day 9).
//  B:  50 on day 20 after email (day 15) and email (day 18); an sms 40 days before is outside the 30-day
//      lookback and a push on day 21 comes after the conversion: neither counts.
//  C:  30 on day 12 with no touch at all: unattributed.
// time_decay, half-life 7 days: weight 2^(-age/7). A: ages 9, 5, 1 -> 0.40951, 0.60951, 0.90572 over 1.92539 =
// 0.21303, 0.31656, 0.47041. B: ages 5, 2 -> 0.60951, 0.82034 over 1.42985 = 0.42628, 0.57372.
const at = (d: number) => new Date(Date.UTC(2026, 0, 1) + (d - 1) * 86_400_000);
const conversions: Conversion[] = [
  {
    at: at(10),
    value: 100,
    touches: [
      { channel: "email", at: at(1), cost: 0.01 },
      { channel: "sms", at: at(5), cost: 0.05 },
      { channel: "push", at: at(9), cost: 0 },
    ],
  },
  {
    at: at(20),
    value: 50,
    touches: [
      { channel: "email", at: at(15), cost: 0.01 },
      { channel: "email", at: at(18), cost: 0.01 },
      { channel: "sms", at: at(-20), cost: 0.05 },
      { channel: "push", at: at(21), cost: 0 },
    ],
  },
  { at: at(12), value: 30, touches: [] },
];

const byChannel = (model: AttributionModel) => {
  const result = attribute(conversions, { model, halfLife: { amount: 7, unit: "day" } });
  return Object.fromEntries(
    Object.entries(result.byChannel).map(([channel, c]) => [
      channel,
      [Number(c.conversions.toFixed(5)), Number(c.value.toFixed(3))],
    ]),
  );
};

describe("attribution over several conversions, channels and touches", () => {
  it("first touch credits the earliest touch inside the lookback of each conversion", () => {
    expect(byChannel("first_touch")).toEqual({ email: [2, 150], sms: [0, 0], push: [0, 0] });
  });

  it("last touch credits the latest touch before each conversion, never one after it", () => {
    expect(byChannel("last_touch")).toEqual({ email: [1, 50], sms: [0, 0], push: [1, 100] });
  });

  it("linear splits each conversion evenly over its touches", () => {
    expect(byChannel("linear")).toEqual({
      email: [1.33333, 83.333],
      sms: [0.33333, 33.333],
      push: [0.33333, 33.333],
    });
  });

  it("position based gives 40/20/40 with three touches and halves with two", () => {
    expect(byChannel("position_based")).toEqual({
      email: [0.4 + 1, 40 + 50],
      sms: [0.2, 20],
      push: [0.4, 40],
    });
  });

  it("time decay halves a touch's weight every half-life before the conversion", () => {
    expect(byChannel("time_decay")).toEqual({
      email: [Number((0.21303 + 1).toFixed(5)), Number((21.303 + 50).toFixed(3))],
      sms: [0.31656, 31.656],
      push: [0.47041, 47.041],
    });
  });

  it("a longer half-life spreads time decay towards linear", () => {
    const result = attribute(conversions, {
      model: "time_decay",
      halfLife: { amount: 3650, unit: "day" },
    });
    expect(result.byChannel.sms?.conversions).toBeCloseTo(1 / 3, 3);
  });

  it("counts every conversion in the total and the untouched one as unattributed, whatever the model", () => {
    for (const model of [
      "first_touch",
      "last_touch",
      "linear",
      "time_decay",
      "position_based",
    ] as const) {
      const result = attribute(conversions, { model });
      expect(result.total).toEqual({ conversions: 3, value: 180 });
      expect(result.unattributed).toEqual({ conversions: 1, value: 30 });
      const credited = Object.values(result.byChannel).reduce((a, c) => a + c.conversions, 0);
      expect(credited).toBeCloseTo(2, 9);
    }
  });
});

describe("touches of a message", () => {
  it("a sent message touches at its send, and once more at its first click", () => {
    const touches = touchesOfMessage({
      channel: "email",
      cost: 0.02,
      sentAt: at(3),
      statusHistory: [
        { status: "sent", at: at(3) },
        { status: "clicked", at: at(4) },
        { status: "clicked", at: at(5) },
      ],
    });
    expect(touches).toEqual([
      { channel: "email", at: at(3), cost: 0.02 },
      { channel: "email", at: at(4), cost: 0 },
    ]);
  });

  it("a suppressed or queued message touches nobody", () => {
    expect(
      touchesOfMessage({ channel: "sms", statusHistory: [{ status: "suppressed", at: at(1) }] }),
    ).toEqual([]);
    expect(
      touchesOfMessage({ channel: "sms", statusHistory: [{ status: "queued", at: at(1) }] }),
    ).toEqual([]);
  });
});
