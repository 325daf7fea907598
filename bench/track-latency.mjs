// Benchmark (issue 6): `POST /v1/track` latency under a bounded load from a second process on loopback.
// This process starts FerretDB + Temporal (test profile) and the API (`startApi`, in-process; no worker: no
// journey is live, so the fan-out finds nothing to enrol). It then runs bench/_load.mjs as a child
// which drives autocannon at fixed rates in bounded stages: every stage first loads
// `GET /health` (the baseline: the same Express app answering after one MongoDB ping), then `POST /v1/track`
// with Basic auth (the write key) and a unique messageId per event (each event is stored: event document,
// profile upsert with counters, outbox). Stages step the rate up until p99 reaches 100 ms or errors appear.
// Reports p50/p99 at the reference rate and the highest rate at which p99 stayed under 100 ms.
import { loadPackage, report, startBenchEngines } from "./_engines.mjs";
import { load as loadFrom } from "./_load.mjs";

const STAGE_SECONDS = Number(process.env.BENCH_TRACK_STAGE_SECONDS ?? 8);
const RATES = [5, 10, 20, 40, 80, 160, 320];
const REFERENCE_RATE = 20;
const WRITE_KEY = "bench-write-key";

const load = (url, path, rate) =>
  loadFrom({ url, path, rate, seconds: STAGE_SECONDS, writeKey: WRITE_KEY });

const engines = await startBenchEngines(["mongo", "temporal"]);
let api;
let stopping = null;
/** Stops everything this benchmark started (also on Ctrl-C or SIGTERM). */
const shutdown = () =>
  (stopping ??= (async () => {
    await api?.close();
    await engines.stop();
  })());
for (const signal of ["SIGINT", "SIGTERM"])
  process.once(signal, () => void shutdown().finally(() => process.exit(130)));
try {
  const { startApi } = await loadPackage("api");
  api = await startApi({
    port: 0,
    host: "127.0.0.1",
    mongoUri: engines.mongoUri,
    dbName: `omnij_bench_track_${process.pid}`,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    adminToken: "bench-admin-token",
    writeKey: WRITE_KEY,
    // The benchmark measures latency, not the limiter: lift the per-key limit above the highest stage.
    ingestionRateLimit: 10_000_000,
    logger: (await import("pino")).pino({ level: "warn" }),
  });
  // Warm-up: connections, JIT, indexes.
  await load(api.url, "/health", 20);
  await load(api.url, "/v1/track", 20);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));

  const stages = [];
  for (const rate of RATES) {
    await settle();
    const health = await load(api.url, "/health", rate);
    await settle();
    const track = await load(api.url, "/v1/track", rate);
    stages.push({ rate, health, track });
    console.log(
      `${rate}/s: /v1/track p50 ${track.p50} ms p99 ${track.p99} ms, ${track.rps.toFixed(0)} ok/s, ${track.non2xx} non-2xx, ${track.errors} errors | /health p50 ${health.p50} ms p99 ${health.p99} ms, ${health.rps.toFixed(0)} ok/s`,
    );
    // Past the reference rate, stop at the first stage that misses the target.
    if (
      (rate >= REFERENCE_RATE && (track.p99 >= 100 || track.errors || track.non2xx)) ||
      track.p99 > 2_000
    )
      break;
  }
  const passing = (key) =>
    stages.filter((s) => s[key].p99 < 100 && !s[key].errors && !s[key].non2xx);
  const best = (key) => passing(key).reduce((top, s) => Math.max(top, s[key].rps), 0);
  const reference = stages.find((s) => s.rate === REFERENCE_RATE) ?? stages[stages.length - 1];
  await settle(); // requests still in flight when the load generator stopped
  const maxTrack = Math.round(best("track"));
  const maxHealth = Math.round(best("health"));
  const ratio = (a, b) => Number((a / b).toFixed(2));
  report({
    name: `track-latency-p50-at-${reference.rate}rps`,
    value: reference.track.p50,
    unit: "ms",
    baseline: reference.health.p50,
    ratio: ratio(reference.track.p50, reference.health.p50),
    target: "report (baseline: GET /health at the same rate)",
    ok: true,
  });
  report({
    name: `track-latency-p99-at-${reference.rate}rps`,
    value: reference.track.p99,
    unit: "ms",
    baseline: reference.health.p99,
    ratio: ratio(reference.track.p99, reference.health.p99),
    target: "< 100 ms",
    ok: reference.track.p99 < 100,
  });
  report({
    name: "track-rate-with-p99-under-100ms",
    value: maxTrack,
    unit: "events/s",
    baseline: maxHealth,
    ratio: ratio(maxTrack, maxHealth),
    target: `report (stages ${RATES.join(", ")}/s; baseline: GET /health's best passing stage, capped by the same stages)`,
    ok: maxTrack > 0,
  });
} finally {
  await shutdown();
}
