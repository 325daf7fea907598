// Benchmark (issue 16): analytics on a workspace of BENCH_ANALYTICS_DOCS events + messages (default 1,000,000),
// generated with insertMany together with the daily counters they imply (the seed's HistoryRecorder, so the
// counters equal the records). Each view is timed through the API (median of five calls) and compared with
// computing the same numbers from the raw records in the same run on the same engine ($group over messages and
// events, as the old overview did). Attribution has no pre-aggregation yet: it is timed as it is.
// Then the demo (npm start's seed) answers a profile page's calls: the profile with its timeline.
import { MongoClient } from "mongodb";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadPackage, median, report, startBenchEngines } from "./_engines.mjs";

const DOCS = Number(process.env.BENCH_ANALYTICS_DOCS ?? 1_000_000);
const DAYS = 60;
const PEOPLE = 20_000;
const TOKEN = "bench-admin-token";
const J = "j_bench";
const root = path.resolve(import.meta.dirname, "..");
const { HistoryRecorder } = await import(
  pathToFileURL(path.join(root, "api", "dist", "seed", "history-recorder.js")).href
);

const engines = await startBenchEngines(["mongo", "temporal"]);
let api;
let client;
try {
  const { startApi } = await loadPackage("api");
  const { seedWorkspace } = await import(
    pathToFileURL(path.join(root, "api", "dist", "seed", "index.js")).href
  );
  const dbName = `omnij_bench_analytics_${process.pid}`;
  api = await startApi({
    port: 0,
    mongoUri: engines.mongoUri,
    dbName,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    adminToken: TOKEN,
    writeKey: "bench-write-key",
    logger: (await import("pino")).pino({ level: "warn" }),
  });
  client = await MongoClient.connect(engines.mongoUri);
  const db = client.db(dbName);
  const call = async (p) => {
    const res = await fetch(`${api.url}${p}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    if (!res.ok) throw new Error(`${p} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  const timed = async (fn, runs = 5) => {
    const ms = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      ms.push(performance.now() - t);
    }
    return median(ms);
  };

  // The demo first (journeys, profiles, 60 days of history), then the bulk workspace on the same database.
  const seedStarted = performance.now();
  await seedWorkspace(api.context, { liveActivity: false });
  const seedMs = performance.now() - seedStarted;

  const generated = performance.now();
  const now = Date.now();
  const dayMs = 86_400_000;
  let written = 0;
  let n = 0;
  while (written < DOCS) {
    const rec = new HistoryRecorder();
    for (let k = 0; k < 5_000 && written < DOCS; k++, n++) {
      const at = new Date(now - (1 + (n % DAYS)) * dayMs - (n % 80_000) * 1000);
      const profileId = `bench-${n % PEOPLE}`;
      const arm = n % 2 ? "A" : "B";
      rec.event(`b${n}`, profileId, n % 10 === 0 ? "purchase" : "Product Viewed", at, {
        revenue: n % 10 === 0 ? 40 : 0,
      });
      rec.step(at, J, "trigger");
      rec.step(at, J, "ab");
      rec.arm(J, "ab", arm, "entries", { enrolled: 1 });
      rec.message({
        key: `b${n}`,
        journeyId: J,
        nodeId: arm === "A" ? "mA" : "mB",
        profileId,
        channel: n % 3 ? "email" : "sms",
        at: new Date(at.getTime() - 3_600_000),
        cost: n % 3 ? 0.001 : 0.05,
        outcome: {
          feedback: n % 4 ? [{ status: "delivered", after: 1 }] : [{ status: "opened", after: 30 }],
        },
      });
      written += 2;
    }
    const h = rec.history();
    await db.collection("events").insertMany(h.events, { ordered: false });
    await db.collection("messages").insertMany(h.messages, { ordered: false });
    // Counter documents of a chunk are partial sums: add them up the way the writers do.
    for (const c of h.dailyCounters)
      await db.collection("daily_counters").updateOne(
        { _id: c._id },
        {
          $inc: Object.fromEntries(Object.entries(c.counts).map(([k, v]) => [`counts.${k}`, v])),
          $setOnInsert: { day: c.day, journeyId: c.journeyId, nodeId: c.nodeId },
        },
        { upsert: true },
      );
    for (const a of h.armStats)
      await db.collection("experiment_arm_stats").updateOne(
        { _id: a._id },
        {
          $inc: { enrolled: a.enrolled ?? 0 },
          $setOnInsert: {
            journeyId: a.journeyId,
            nodeId: a.nodeId,
            version: 1,
            arm: a.arm,
            kind: a.kind,
          },
        },
        { upsert: true },
      );
  }
  const generateMs = performance.now() - generated;
  console.error(
    `seeded the demo in ${Math.round(seedMs)} ms; generated ${written} events + messages in ${Math.round(generateMs)} ms`,
  );

  const to = new Date(now - dayMs).toISOString().slice(0, 10);
  const from = new Date(now - DAYS * dayMs).toISOString().slice(0, 10);
  const range = `from=${from}&to=${to}`;
  // The welcome journey carries the demo's experiment; the bulk journey's arms are read the same way.
  const rawJourney = () =>
    db
      .collection("messages")
      .aggregate([
        { $match: { journeyId: J } },
        {
          $group: {
            _id: { node: "$nodeId", channel: "$channel", status: "$status" },
            n: { $sum: 1 },
            cost: { $sum: "$cost" },
          },
        },
      ])
      .toArray();
  const rawOverview = () =>
    Promise.all([
      db
        .collection("messages")
        .aggregate([
          {
            $group: {
              _id: { channel: "$channel", status: "$status" },
              n: { $sum: 1 },
              cost: { $sum: "$cost" },
            },
          },
        ])
        .toArray(),
      db
        .collection("events")
        .aggregate([{ $group: { _id: "$event", n: { $sum: 1 } } }])
        .toArray(),
    ]);
  const rawExperiment = () =>
    db
      .collection("messages")
      .aggregate([{ $match: { journeyId: J } }, { $group: { _id: "$nodeId", n: { $sum: 1 } } }])
      .toArray();

  const views = [
    [
      "analytics-journey",
      () => call(`/api/journeys/j_demo_abandoned_cart/analytics?${range}`),
      rawJourney,
    ],
    ["analytics-overview", () => call(`/api/analytics/overview?${range}`), rawOverview],
    [
      "analytics-experiment",
      () => call(`/api/journeys/j_demo_welcome/experiments/ab`),
      rawExperiment,
    ],
  ];
  for (const [name, view, raw] of views) {
    const value = await timed(view);
    const baseline = await timed(raw, 1);
    report({
      name,
      value: Math.round(value),
      unit: "ms",
      baseline: Math.round(baseline),
      ratio: Number((value / baseline).toFixed(4)),
      target: 200,
      ok: value < 200,
    });
  }
  const attribution = await timed(
    () => call(`/api/analytics/attribution?goal=Order%20Completed&${range}&model=linear`),
    1,
  );
  report({
    name: "analytics-attribution",
    value: Math.round(attribution),
    unit: "ms",
    baseline: null,
    ratio: null,
    target: 200,
    ok: attribution < 200,
  });

  const profile =
    (await call("/api/profiles?query=user-demo-0001")).items?.[0]?.profileId ?? "user-demo-00010";
  const profileMs = await timed(() => call(`/api/profiles/${encodeURIComponent(profile)}`));
  report({
    name: "profile-page",
    value: Math.round(profileMs),
    unit: "ms",
    baseline: null,
    ratio: null,
    target: 100,
    ok: profileMs < 100,
  });
  report({
    name: "demo-seed",
    value: Math.round(seedMs),
    unit: "ms",
    baseline: null,
    ratio: null,
    target: 20_000,
    ok: seedMs < 20_000,
  });
} finally {
  await api?.close();
  await client?.close();
  await engines.stop();
}
