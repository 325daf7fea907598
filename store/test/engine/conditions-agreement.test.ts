// evaluateCondition (one profile, in memory) and conditionToMongo (a filter run on the real FerretDB) must pick
// exactly the same profiles for every condition. Conditions and the population come from a seeded generator, so a
// failure names a reproducible condition.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MongoClient, type Collection } from "mongodb";
import {
  Condition,
  evaluateCondition,
  foldEvents,
  prng,
  RECENT_CAP,
  type CountedEvent,
  type EventCounter,
  type EventFilter,
  type Prng,
  type PropertyCondition,
} from "@omnijourney/shared";
import { conditionToMongo } from "../../src/engine/filters.js";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const DAY = 86_400_000;
const CONDITIONS = 1_100;
const PROFILES = 120;

const WHERE: PropertyCondition[] = [
  { attr: "plan", op: "eq", value: "pro" },
  { attr: "total", op: "gte", value: 100 },
  {
    any: [
      { attr: "coupon", op: "exists", value: true },
      { attr: "plan", op: "in", value: ["team"] },
    ],
  },
];
const FILTERS: EventFilter[] = WHERE.map((where) => ({ event: "purchase", where }));

const COUNTRIES = ["DE", "FR", "US", "de"];
const CITIES = ["Berlin", "Paris", "Boston", "berlin"];
const TAGS = ["vip", "beta", "churn-risk", "a.b", "a+b"];
const PLANS = ["free", "pro", "team"];

function isoDaysAgo(days: number) {
  return new Date(NOW.getTime() - days * DAY).toISOString();
}

function makeProfile(r: Prng, i: number) {
  const attributes: Record<string, unknown> = {};
  if (r.chance(0.85)) attributes.country = r.pick(COUNTRIES);
  if (r.chance(0.8)) attributes.age = r.chance(0.9) ? r.int(16, 80) : String(r.int(16, 80));
  if (r.chance(0.6)) attributes.score = Math.round(r.next() * 1000) / 10;
  if (r.chance(0.7)) attributes.plan = r.chance(0.9) ? r.pick(PLANS) : null;
  if (r.chance(0.6)) attributes.tags = TAGS.filter(() => r.chance(0.35));
  if (r.chance(0.6))
    attributes.address = {
      city: r.pick(CITIES),
      ...(r.chance(0.5) ? { zip: String(r.int(10000, 99999)) } : {}),
    };
  if (r.chance(0.6))
    attributes.signupAt = r.chance(0.5)
      ? isoDaysAgo(r.int(-30, 400))
      : new Date(NOW.getTime() - r.int(-30, 400) * DAY);
  if (r.chance(0.5)) attributes.vip = r.chance(0.5);
  if (r.chance(0.4))
    attributes.items = Array.from({ length: r.int(0, 3) }, () => ({
      sku: r.pick(["a", "b", "c"]),
      qty: r.int(1, 5),
    }));
  if (r.chance(0.3)) attributes.nickname = r.pick(["Mia", "mia", "Zoë", "O'Neil", "x.y", ""]);
  const consent: ProfileDoc["consent"] = {};
  for (const channel of ["email", "sms", "push"]) {
    if (r.chance(0.6))
      consent[channel] = {
        marketing: r.pick(["subscribed", "unsubscribed", "unknown"]),
        transactional: "unknown",
        history: [],
      };
  }
  const events: CountedEvent[] = [];
  const n = r.chance(0.05) ? RECENT_CAP + 20 : r.int(0, 14);
  for (let k = 0; k < n; k++) {
    const event = r.pick(["purchase", "purchase", "visit", "signup"]);
    const properties: Record<string, unknown> =
      event === "purchase"
        ? { plan: r.pick(PLANS), total: r.int(5, 300), ...(r.chance(0.2) ? { coupon: "X" } : {}) }
        : {};
    events.push({
      event,
      properties,
      timestamp: new Date(NOW.getTime() - Math.floor(r.next() * 90 * DAY)),
    });
  }
  return { profileId: `p${i}`, attributes, consent, events };
}

const ATTRS = [
  "country",
  "age",
  "score",
  "plan",
  "tags",
  "address.city",
  "address.zip",
  "signupAt",
  "vip",
  "items.qty",
  "items.sku",
  "nickname",
  "missing",
  "consent.email",
  "consent.sms",
];

function scalarFor(r: Prng, attr: string): string | number | boolean {
  switch (attr) {
    case "country":
      return r.pick([...COUNTRIES, "IT"]);
    case "age":
      return r.chance(0.8) ? r.int(15, 81) : String(r.int(15, 81));
    case "score":
      return Math.round(r.next() * 1000) / 10;
    case "plan":
      return r.pick([...PLANS, "enterprise"]);
    case "tags":
      return r.pick([...TAGS, "v", "a"]);
    case "address.city":
      return r.pick([...CITIES, "erl"]);
    case "address.zip":
      return String(r.int(10000, 99999));
    case "vip":
      return r.chance(0.5);
    case "items.qty":
      return r.int(0, 6);
    case "items.sku":
      return r.pick(["a", "b", "c", "d"]);
    case "consent.email":
    case "consent.sms":
      return r.pick(["subscribed", "unsubscribed", "unknown"]);
    default:
      return r.pick(["Mia", "mia", "x.y", "DE", 3, true, "O'Neil"]);
  }
}

function leaf(r: Prng): unknown {
  if (r.chance(0.35)) {
    const event = r.pick(["purchase", "purchase", "visit", "signup", "refund"]);
    const op = r.pick(["count_gte", "count_lte", "performed", "not_performed"]);
    const within = r.chance(0.6)
      ? r.pick([
          { amount: 2, unit: "hour" },
          { amount: 1, unit: "day" },
          { amount: 7, unit: "day" },
          { amount: 4, unit: "week" },
          { amount: 60, unit: "day" },
        ])
      : undefined;
    const where = event === "purchase" && r.chance(0.4) ? r.pick(WHERE) : undefined;
    return {
      event,
      op,
      ...(op.startsWith("count") ? { value: r.int(0, 7) } : {}),
      ...(within ? { within } : {}),
      // "Since entering the journey" (no enrolment here: from now), without a draw of its own so the seeded
      // sequence of the other conditions stays as it was.
      ...(!within && event === "signup" ? { since: "entry" } : {}),
      ...(where ? { where } : {}),
    };
  }
  const attr = r.pick(ATTRS);
  const op = r.pick([
    "eq",
    "neq",
    "gt",
    "gte",
    "lt",
    "lte",
    "in",
    "contains",
    "exists",
    "before",
    "after",
  ]);
  switch (op) {
    case "in":
      return { attr, op, value: Array.from({ length: r.int(1, 3) }, () => scalarFor(r, attr)) };
    case "exists":
      return { attr, op, value: r.chance(0.7) };
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const v = scalarFor(r, attr);
      return { attr, op, value: typeof v === "boolean" ? r.int(0, 100) : v };
    }
    case "contains": {
      const v = scalarFor(r, attr);
      return { attr, op, value: typeof v === "string" && v.length === 0 ? "a" : v };
    }
    case "before":
    case "after":
      return {
        attr: r.chance(0.8) ? "signupAt" : attr,
        op,
        value: r.chance(0.5)
          ? isoDaysAgo(r.int(-20, 300))
          : { amount: r.int(0, 300), unit: "day", direction: r.pick(["ago", "from_now"]) },
      };
    default:
      return { attr, op, value: scalarFor(r, attr) };
  }
}

function condition(r: Prng, depth: number): unknown {
  if (depth <= 0 || r.chance(0.35)) return leaf(r);
  const kind = r.pick(["all", "any", "not"]);
  if (kind === "not") return { not: condition(r, depth - 1) };
  return { [kind]: Array.from({ length: r.int(0, 3) }, () => condition(r, depth - 1)) };
}

const uri = inject("engines").mongoUri;
const dbName = `omnij_condagree_${Math.random().toString(36).slice(2, 8)}`;
let client: MongoClient;
type ProfileDoc = {
  profileId: string;
  anonymousIds: string[];
  attributes: Record<string, unknown>;
  consent: Record<string, { marketing: string; transactional: string; history: unknown[] }>;
  counters: Record<string, EventCounter>;
  createdAt: Date;
  updatedAt: Date;
};
let profiles: Collection<ProfileDoc>;

beforeAll(async () => {
  client = await new MongoClient(uri).connect();
  profiles = client.db(dbName).collection<ProfileDoc>("profiles");
  const r = prng(20261124);
  const population = Array.from({ length: PROFILES }, (_, i) => makeProfile(r, i));
  await profiles.insertMany(
    population.map((p) => ({
      profileId: p.profileId,
      anonymousIds: [],
      attributes: p.attributes,
      consent: p.consent,
      counters: foldEvents({}, p.events, { filters: FILTERS }),
      createdAt: NOW,
      updatedAt: NOW,
    })),
  );
}, 120_000);

afterAll(async () => {
  await client
    ?.db(dbName)
    .dropDatabase()
    .catch(() => undefined);
  await client?.close();
});

describe("evaluateCondition and conditionToMongo agree on FerretDB", () => {
  it(`selects identical profiles for ${CONDITIONS} random conditions`, async () => {
    const docs = await profiles.find({}).toArray();
    expect(docs).toHaveLength(PROFILES);
    const r = prng(4242);
    const conditions: { i: number; c: Condition }[] = [];
    for (let i = 0; i < CONDITIONS; i++) {
      const parsed = Condition.safeParse(condition(r, 3));
      if (parsed.success) conditions.push({ i, c: parsed.data });
    }
    let checked = 0;
    let nonTrivial = 0;
    // A few queries in flight at once keep the engine busy without starving the other test files' engines.
    for (let start = 0; start < conditions.length; start += 4) {
      await Promise.all(
        conditions.slice(start, start + 4).map(async ({ i, c }) => {
          const expected = docs
            .filter((d) => evaluateCondition(c, { profile: d, now: NOW }))
            .map((d) => String(d.profileId))
            .sort();
          const filter = conditionToMongo(c, { now: NOW });
          const found = (await profiles.find(filter, { projection: { profileId: 1 } }).toArray())
            .map((d) => String(d.profileId))
            .sort();
          expect(
            found,
            `condition #${i}: ${JSON.stringify(c)}\nfilter: ${JSON.stringify(filter)}`,
          ).toEqual(expected);
          checked++;
          if (expected.length > 0 && expected.length < PROFILES) nonTrivial++;
        }),
      );
    }
    expect(checked).toBeGreaterThanOrEqual(1_000);
    // The generator must produce conditions that split the population, not only all-or-nothing ones.
    expect(nonTrivial / checked).toBeGreaterThan(0.5);
  }, 600_000);
});
