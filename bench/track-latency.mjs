// Benchmark (issue 6): `POST /v1/track` latency under a bounded load from a second process on loopback.
// This process starts FerretDB + Temporal (test profile) and the API (`startApi`, in-process; no worker: no
// journey is live, so the fan-out finds nothing to enrol). It then re-runs itself as a child
// (`--load <json>`) which drives autocannon at fixed rates in bounded stages: every stage first loads
// `GET /health` (the baseline: the same Express app answering after one MongoDB ping), then `POST /v1/track`
// with Basic auth (the write key) and a unique messageId per event (each event is stored: event document,
// profile upsert with counters, outbox). Stages step the rate up until p99 reaches 100 ms or errors appear.
// Reports p50/p99 at the reference rate and the highest rate at which p99 stayed under 100 ms.
import { spawn } from "node:child_process";
import { loadPackage, report, startBenchEngines } from "./_engines.mjs";

const STAGE_SECONDS = Number(process.env.BENCH_TRACK_STAGE_SECONDS ?? 8);
const RATES = [5, 10, 20, 40, 80, 160, 320];
const REFERENCE_RATE = 20;
const WRITE_KEY = "bench-write-key";

if (process.argv[2] === "--load") {
  // The load generator (a second process): one autocannon run, result printed as JSON on stdout.
  const { default: autocannon } = await import("autocannon");
  const { url, path, rate, seconds, auth } = JSON.parse(process.argv[3]);
  let n = 0;
  const track = path === "/v1/track";
  const result = await autocannon({
    url: `${url}${path}`,
    // Little's law for the 100 ms target: rate x 0.1 s requests in flight suffice when p99 < 100 ms.
    connections: Math.max(1, Math.ceil(rate / 10)),
    overallRate: rate,
    duration: seconds,
    timeout: 10,
    requests: [
      track
        ? {
            method: "POST",
            headers: { authorization: auth, "content-type": "application/json" },
            setupRequest: (req) => {
              n++;
              return {
                ...req,
                body: JSON.stringify({
                  messageId: `bench-${process.pid}-${rate}-${n}`,
                  userId: `user-${n % 500}`,
                  event: "product_viewed",
                  properties: { sku: `sku-${n % 40}`, price: n % 100 },
                  timestamp: new Date().toISOString(),
                }),
              };
            },
          }
        : { method: "GET" },
    ],
  });
  const ok = result["2xx"];
  console.log(
    JSON.stringify({
      p50: result.latency.p50,
      p99: result.latency.p99,
      mean: result.latency.mean,
      rps: ok / seconds,
      ok,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    }),
  );
  process.exit(0);
}

function load(url, path, rate) {
  const auth = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}`;
  const args = [
    import.meta.filename,
    "--load",
    JSON.stringify({ url, path, rate, seconds: STAGE_SECONDS, auth }),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), (STAGE_SECONDS + 30) * 1000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
      else resolve(JSON.parse(out.trim().split("\n").pop()));
    });
  });
}

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
