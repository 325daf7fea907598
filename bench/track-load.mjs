// Benchmark (issue 14): does the embedded stack hold 200 events/s on `POST /v1/track` for 60 s? A second process
// on loopback (bench/_load.mjs, autocannon at a fixed overall rate) posts one fresh event per request for a bounded
// 60 s against the API (`startApi` in this process, its outbox fan-out running; FerretDB + Temporal, test
// profile). The baseline, measured in the same run at the same rate on the same server, is `GET /health` (the same
// Express app answering after one MongoDB ping). Reports p50/p99 acknowledgement latency, the rate acknowledged
// and the errors (non-2xx, timeouts, socket errors), each against the target: p99 < 250 ms, no error.
import { loadPackage, report, startBenchEngines, stopAllOnExit } from "./_engines.mjs";
import { load } from "./_load.mjs";

const RATE = Number(process.env.BENCH_TRACK_LOAD_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_TRACK_LOAD_SECONDS ?? 60);
const BASELINE_SECONDS = 10;
const WRITE_KEY = "bench-write-key";
// Little's law for the 250 ms target: RATE x 0.25 s requests in flight, doubled so a slow stretch can catch up.
const CONNECTIONS = Math.ceil(RATE * 0.5);

const engines = await startBenchEngines(["mongo", "temporal"]);
const { stops, shutdown } = stopAllOnExit(engines);
try {
  const { startApi } = await loadPackage("api");
  const api = await startApi({
    port: 0,
    host: "127.0.0.1",
    mongoUri: engines.mongoUri,
    dbName: `omnij_bench_track_load_${process.pid}`,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    adminToken: "bench-admin-token",
    writeKey: WRITE_KEY,
    // The benchmark measures ingestion, not the limiter: lift the per-key limit above the load.
    ingestionRateLimit: 10_000_000,
    logger: (await import("pino")).pino({ level: "warn" }),
  });
  stops.push(() => api.close());
  const run = (path, rate, seconds) =>
    load({ url: api.url, path, rate, seconds, writeKey: WRITE_KEY, connections: CONNECTIONS });

  // Warm-up: connections, JIT, indexes.
  await run("/health", 50, 3);
  await run("/v1/track", 50, 5);
  const health = await run("/health", RATE, BASELINE_SECONDS);
  const track = await run("/v1/track", RATE, SECONDS);
  const errors = track.non2xx + track.errors;
  console.log(
    `${RATE}/s for ${SECONDS} s: /v1/track p50 ${track.p50} ms p99 ${track.p99} ms, ${track.rps.toFixed(1)} acknowledged/s, ${track.non2xx} non-2xx, ${track.errors} errors | /health (${BASELINE_SECONDS} s) p50 ${health.p50} ms p99 ${health.p99} ms`,
  );
  const ratio = (a, b) => Number((a / Math.max(b, 1)).toFixed(2));
  report({
    name: `track-load-p50-at-${RATE}rps`,
    value: track.p50,
    unit: "ms",
    baseline: health.p50,
    ratio: ratio(track.p50, health.p50),
    target: "report (baseline: GET /health at the same rate)",
    ok: true,
  });
  report({
    name: `track-load-p99-at-${RATE}rps`,
    value: track.p99,
    unit: "ms",
    baseline: health.p99,
    ratio: ratio(track.p99, health.p99),
    target: "< 250 ms",
    ok: track.p99 < 250,
  });
  report({
    name: `track-load-acknowledged-at-${RATE}rps`,
    value: Number(track.rps.toFixed(1)),
    unit: "events/s",
    baseline: Number(health.rps.toFixed(1)),
    ratio: ratio(track.rps, health.rps),
    target: `>= ${RATE * 0.98} events/s for ${SECONDS} s, no error`,
    ok: track.rps >= RATE * 0.98 && errors === 0,
  });
  report({
    name: `track-load-errors-at-${RATE}rps`,
    value: errors,
    unit: "requests",
    baseline: health.non2xx + health.errors,
    ratio: 0,
    target: "0",
    ok: errors === 0,
  });
} finally {
  await shutdown();
}
