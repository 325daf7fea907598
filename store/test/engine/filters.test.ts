import { describe, expect, it } from "vitest";
import { Condition } from "@omnijourney/shared";
import { conditionToMongo } from "../../src/engine/filters.js";

const now = new Date("2026-03-01T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe("conditionToMongo", () => {
  it("translates attribute, consent and windowed event conditions", () => {
    expect(
      conditionToMongo(Condition.parse({ attr: "address.city", op: "eq", value: "Berlin" }), {
        now,
      }),
    ).toEqual({ "attributes.address.city": "Berlin" });
    expect(
      conditionToMongo(
        Condition.parse({
          event: "purchase",
          op: "count_gte",
          value: 2,
          within: { amount: 30, unit: "day" },
        }),
        { now },
      ),
    ).toEqual({
      "counters.purchase.recent.1": { $gte: daysAgo(30) },
    });
    expect(
      conditionToMongo(Condition.parse({ attr: "consent.sms", op: "eq", value: "unknown" }), {
        now,
      }),
    ).toEqual({
      $or: [
        { "consent.sms.marketing": "unknown" },
        { "consent.sms.marketing": { $exists: false } },
      ],
    });
    expect(
      conditionToMongo(Condition.parse({ attr: "tags", op: "contains", value: "a.b" }), { now }),
    ).toEqual({ "attributes.tags": { $regex: "a\\.b" } });
  });

  it("emits no operator outside the MongoDB subset", () => {
    const text = JSON.stringify(
      conditionToMongo(
        Condition.parse({
          any: [
            { not: { event: "x", op: "count_lte", value: 3, within: { amount: 1, unit: "week" } } },
            { attr: "d", op: "before", value: { amount: 1, unit: "day", direction: "ago" } },
            { attr: "n", op: "in", value: [1, 2] },
          ],
        }),
        { now },
      ),
    );
    const ops = new Set(text.match(/"\$[a-zA-Z]+"/g));
    for (const op of ops)
      expect([
        '"$or"',
        '"$and"',
        '"$nor"',
        '"$gte"',
        '"$lt"',
        '"$gt"',
        '"$lte"',
        '"$in"',
        '"$ne"',
        '"$exists"',
        '"$regex"',
      ]).toContain(op);
  });
});
