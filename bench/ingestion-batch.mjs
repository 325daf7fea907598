// Benchmark (issue 6): ingestion throughput through `POST /v1/batch` against the raw MongoDB driver's
// `insertMany` of the same events on the same server in the same run. The API side counts an event as done when
// it is durably stored, its profile's counters are updated (read, fold, compare-and-set) and the outbox has fanned
// it out (its outbox entry deleted; no journey matches, so the fan-out is the live-journey lookup, the running-enrolment
// check and the outbox mark). Batches of 100 events over 200 people, sent by BENCH_BATCH_CONCURRENCY clients.
import { MongoClient } from "mongodb";
import { loadPackage, report, startBenchEngines } from "./_engines.mjs";

const EVENTS = Number(process.env.BENCH_BATCH_EVENTS ?? 4_000);
const BATCH = 100;
const PEOPLE = 200;
const CONCURRENCY = Number(process.env.BENCH_BATCH_CONCURRENCY ?? 4);
const WRITE_KEY = "bench-write-key";

const makeEvents = (tag) =>
  Array.from({ length: EVENTS }, (_, n) => ({
    type: "track",
    messageId: `${tag}-${n}`,
    userId: `person-${n % PEOPLE}`,
    event: n % 5 === 0 ? "Order Completed" : "Product Viewed",
    properties: { sku: `sku-${n % 40}`, price: (n % 100) + 0.99, currency: "EUR" },
    timestamp: new Date(Date.now() - (EVENTS - n) * 1000).toISOString(),
  }));
const chunks = (list) =>
  Array.from({ length: Math.ceil(list.length / BATCH) }, (_, i) =>
    list.slice(i * BATCH, (i + 1) * BATCH),
  );

/** Runs `fn` over the batches with `CONCURRENCY` in flight; returns elapsed milliseconds. */
async function timed(batches, fn) {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < batches.length) await fn(batches[next++]);
    }),
  );
  return performance.now() - started;
}

const engines = await startBenchEngines(["mongo", "temporal"]);
let api;
let client;
let stopping = null;
const shutdown = () =>
  (stopping ??= (async () => {
    await api?.close();
    await client?.close();
    await engines.stop();
  })());
for (const signal of ["SIGINT", "SIGTERM"])
  process.once(signal, () => void shutdown().finally(() => process.exit(130)));

try {
  const { startApi } = await loadPackage("api");
  const dbName = `omnij_bench_batch_${process.pid}`;
  api = await startApi({
    port: 0,
    mongoUri: engines.mongoUri,
    dbName,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    adminToken: "bench-admin-token",
    writeKey: WRITE_KEY,
    ingestionRateLimit: 10_000_000,
    logger: (await import("pino")).pino({ level: "warn" }),
  });
  client = await MongoClient.connect(engines.mongoUri);
  const db = client.db(dbName);
  const auth = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}`;
  const post = async (batch) => {
    const res = await fetch(`${api.url}/v1/batch`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: JSON.stringify({ batch, sentAt: new Date().toISOString() }),
    });
    if (res.status !== 200) throw new Error(`batch answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };

  // Warm-up on both paths (connections, JIT, the profiles' first insert).
  await timed(chunks(makeEvents("warm").slice(0, 400)), post);
  await db.collection("raw_events_warm").insertMany(makeEvents("rawwarm").slice(0, 400));

  // Baseline: the same documents the API stores, written with the driver into a collection with the same unique key.
  const raw = db.collection("raw_events");
  await raw.createIndex({ messageId: 1 }, { unique: true });
  const rawDocs = makeEvents("raw").map((e) => ({
    ...e,
    profileId: e.userId,
    timestamp: new Date(e.timestamp),
    receivedAt: new Date(),
  }));
  const baselineMs = await timed(chunks(rawDocs), (docs) =>
    raw.insertMany(docs, { ordered: false }),
  );

  // The engine's floor for the same work: the events inserted plus one write per person of each batch, the least
  // any ingestion keeping per-profile counters in the profile document (DESIGN.md) has to do per request.
  const floorProfiles = db.collection("floor_profiles");
  await floorProfiles.insertMany(
    Array.from({ length: PEOPLE }, (_, n) => ({ _id: `person-${n}`, counters: {} })),
  );
  const floorEvents = db.collection("floor_events");
  await floorEvents.createIndex({ messageId: 1 }, { unique: true });
  const floorMs = await timed(chunks(makeEvents("floor")), async (batch) => {
    await floorEvents.insertMany(
      batch.map((e) => ({ ...e, profileId: e.userId })),
      { ordered: false },
    );
    const people = [...new Set(batch.map((e) => e.userId))];
    await floorProfiles.bulkWrite(
      people.map((id) => ({
        updateOne: { filter: { _id: id }, update: { $inc: { "counters.seen": 1 } } },
      })),
      { ordered: false },
    );
  });

  const events = makeEvents("api");
  const ackMs = await timed(chunks(events), post);
  const started = performance.now() - ackMs;
  // Fanned out: the outbox is empty (the ingesting process fans out right after acknowledging).
  const col = db.collection("events");
  for (;;) {
    const pending = await db.collection("event_outbox").countDocuments({});
    if (pending === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const apiMs = performance.now() - started;
  const stored = await col.countDocuments({ messageId: { $regex: "^api-" } });
  if (stored !== EVENTS) throw new Error(`stored ${stored} of ${EVENTS}`);
  const counted = await db
    .collection("profiles")
    .find({ _id: { $regex: "^person-" } }, { projection: { counters: 1 } })
    .toArray();
  const total = counted.reduce(
    (a, p) =>
      a +
      (p.counters?.["Product Viewed"]?.count ?? 0) +
      (p.counters?.["Order Completed"]?.count ?? 0),
    0,
  );
  // Warm-up events counted too (400 of them, same people).
  if (total !== EVENTS + 400)
    throw new Error(`counters add up to ${total}, expected ${EVENTS + 400}`);

  const value = Math.round((EVENTS / apiMs) * 1000);
  const baseline = Math.round((EVENTS / baselineMs) * 1000);
  console.log(
    `/v1/batch: ${EVENTS} events acknowledged in ${ackMs.toFixed(0)} ms, fanned out after ${apiMs.toFixed(0)} ms; insertMany: ${baselineMs.toFixed(0)} ms`,
  );
  const floor = Math.round((EVENTS / floorMs) * 1000);
  console.log(
    `engine floor (insertMany + one update per person per batch, raw driver): ${floorMs.toFixed(0)} ms = ${floor} events/s, ${(floor / baseline).toFixed(2)} x insertMany`,
  );
  report({
    name: "ingestion-batch-engine-floor",
    value: floor,
    unit: "events/s",
    baseline,
    ratio: Number((floor / baseline).toFixed(2)),
    target:
      "none: the most any ingestion that updates each person's profile per request can reach on this engine",
    ok: true,
  });
  report({
    name: "ingestion-batch-throughput",
    value,
    unit: "events/s",
    baseline,
    ratio: Number((value / baseline).toFixed(2)),
    target: ">= 0.5 x raw insertMany (same events, same server, same run)",
    ok: value / baseline >= 0.5,
  });
} finally {
  await shutdown();
}
