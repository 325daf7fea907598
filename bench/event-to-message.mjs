// Benchmark (issue 5): event-to-first-message latency on the embedded stack. Starts FerretDB, Temporal and
// MailDev (test profile), the journey worker (`startWorker`) and the API (`startApi`) in this process,
// publishes "trigger.event → message.email (transactional) → exit" through the management API, identifies
// the profiles (email addresses), then sends one `POST /v1/track` per profile at 20 events/s for a bounded
// time. Latency per event = from the 2xx of /v1/track (acknowledged = stored) to the moment the worker's
// email provider got the SMTP server's acceptance (MailDev's 250; timed by wrapping the running worker's
// `providers.send`, the call the send activity makes). MailDev's inbox is checked to hold every message.
// Baseline in the same run: a direct nodemailer send of the same number of mails to the same MailDev at
// the same rate (sendMail call → SMTP acceptance). Target: p99 < 1 s.
import nodemailer from "nodemailer";
import { loadPackage, quantile, report, startBenchEngines, stopAllOnExit } from "./_engines.mjs";

const RATE = Number(process.env.BENCH_E2M_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_E2M_SECONDS ?? 15);
const COUNT = RATE * SECONDS;
const WARMUP = 10;
const DRAIN_MS = 60_000;
const ADMIN = "bench-admin-token";
const WRITE_KEY = "bench-write-key";
const EVENT = "bench_signed_up";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const journey = {
  name: "Bench: event to email",
  nodes: [
    { id: "t", type: "trigger.event", position: { x: 0, y: 0 }, config: { event: EVENT } },
    {
      id: "m",
      type: "message.email",
      position: { x: 0, y: 120 },
      config: {
        subject: "Welcome {{ profile.firstName }}",
        body: "<p>Hello {{ profile.firstName }}, seq {{ event.properties.seq }}</p>",
        category: "transactional",
      },
    },
    { id: "x", type: "exit", position: { x: 0, y: 240 }, config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "m" },
    { id: "e2", source: "m", target: "x" },
  ],
  settings: { reentry: "never", exitOn: [] },
};

const engines = await startBenchEngines(["mongo", "temporal", "smtp"]);
const { stops, shutdown } = stopAllOnExit(engines);
try {
  const { startWorker } = await loadPackage("runtime");
  const { startApi } = await loadPackage("api");
  const { pino } = await import("pino");
  const dbName = `omnij_bench_e2m_${process.pid}`;
  const taskQueue = `bench-e2m-${process.pid}`;
  process.env.LOG_LEVEL ??= "warn";

  const worker = await startWorker({
    mongoUri: engines.mongoUri,
    mongoDbName: dbName,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    smtpUrl: engines.smtpUrl,
    taskQueue,
    handleSignals: false,
  });
  stops.push(() => worker.stop());
  // "Handed to SMTP": when the provider's send resolves, the SMTP server has accepted the message.
  const handedAt = new Map();
  const send = worker.providers.send.bind(worker.providers);
  worker.providers.send = async (message) => {
    const result = await send(message);
    if (result.status !== "failed") handedAt.set(message.to, performance.now());
    return result;
  };

  const api = await startApi({
    port: 0,
    mongoUri: engines.mongoUri,
    dbName,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    taskQueue,
    adminToken: ADMIN,
    writeKey: WRITE_KEY,
    ingestionRateLimit: 1_000_000,
    logger: pino({ level: "warn" }),
  });
  stops.push(() => api.close());

  const call = async (method, path, body, auth = `Bearer ${ADMIN}`) => {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: auth, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return JSON.parse(text);
  };
  const basic = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}`;
  const email = (i) => `bench-${i}@example.test`;

  const created = await call("POST", "/api/journeys", journey);
  const published = await call("POST", `/api/journeys/${created.id}/publish`);
  console.log(`published journey ${created.id} version ${published.version}`);

  // Profiles with an address, identified before the measurement (not part of the latency).
  const total = WARMUP + COUNT;
  for (let from = 0; from < total; from += 100) {
    const batch = [];
    for (let i = from; i < Math.min(total, from + 100); i++)
      batch.push({
        type: "identify",
        userId: `bench-${i}`,
        traits: { email: email(i), firstName: `P${i}` },
      });
    await call("POST", "/v1/batch", { batch }, basic);
  }

  const acceptedAt = new Map();
  const rejected = [];
  const track = async (i) => {
    try {
      const res = await fetch(`${api.url}/v1/track`, {
        method: "POST",
        headers: { authorization: basic, "content-type": "application/json" },
        body: JSON.stringify({
          userId: `bench-${i}`,
          event: EVENT,
          messageId: `bench-e2m-${i}`,
          properties: { seq: i },
        }),
        signal: AbortSignal.timeout(30_000),
      });
      await res.text();
      if (res.status === 200) acceptedAt.set(email(i), performance.now());
      else rejected.push(`HTTP ${res.status}`);
    } catch (error) {
      rejected.push(error instanceof Error ? error.name : String(error));
    }
  };
  /** Waits (bounded) until every accepted event of `indexes` has its message handed to SMTP. */
  const waitFor = async (indexes, ms) => {
    const deadline = Date.now() + ms;
    const pending = () =>
      indexes.filter((i) => acceptedAt.has(email(i)) && !handedAt.has(email(i)));
    while (pending().length && Date.now() < deadline) await sleep(50);
    return pending().length;
  };

  // Warm-up: the first workflow tasks and activities, connection pools.
  const warm = Array.from({ length: WARMUP }, (_, i) => i);
  await Promise.all(warm.map(track));
  await waitFor(warm, DRAIN_MS);

  // Measured: open loop, one event every 1/RATE s regardless of responses.
  const measured = Array.from({ length: COUNT }, (_, k) => WARMUP + k);
  const started = performance.now();
  const inflight = [];
  for (const [k, i] of measured.entries()) {
    const due = started + (k * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inflight.push(track(i));
  }
  await Promise.all(inflight);
  const sentSeconds = (performance.now() - started) / 1000;
  const undelivered = await waitFor(measured, DRAIN_MS);
  const delivered = measured.filter((i) => acceptedAt.has(email(i)) && handedAt.has(email(i)));
  const latencies = delivered.map((i) => handedAt.get(email(i)) - acceptedAt.get(email(i)));
  const accepted = measured.filter((i) => acceptedAt.has(email(i))).length;
  console.log(
    `${COUNT} events sent in ${sentSeconds.toFixed(1)} s: ${accepted} accepted, ${rejected.length} refused or timed out (${[...new Set(rejected)].join(", ") || "none"}); ${delivered.length} messages handed to SMTP, ${undelivered} still pending after ${DRAIN_MS / 1000} s`,
  );
  if (!latencies.length) throw new Error("no message was delivered: nothing to measure");

  // Every delivered message really reached the sink.
  const inbox = await (await fetch(`${engines.mailApiUrl}/email`)).json();
  const received = new Set(inbox.flatMap((m) => m.to.map((t) => t.address)));
  const missing = delivered.filter((i) => !received.has(email(i))).length;
  if (missing) throw new Error(`${missing} messages missing from MailDev`);

  // Baseline: nodemailer straight to the same MailDev, same count and rate.
  const transport = nodemailer.createTransport(engines.smtpUrl);
  const direct = [];
  const baseStart = performance.now();
  const baseInflight = [];
  for (let k = 0; k < COUNT; k++) {
    const due = baseStart + (k * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const t = performance.now();
    baseInflight.push(
      transport
        .sendMail({
          from: "bench@example.test",
          to: `direct-${k}@example.test`,
          subject: `Welcome P${k}`,
          html: `<p>Hello P${k}, seq ${k}</p>`,
        })
        .then(() => direct.push(performance.now() - t)),
    );
  }
  await Promise.all(baseInflight);
  transport.close();

  const r = (x) => Number(x.toFixed(1));
  const p50 = quantile(latencies, 0.5);
  const p99 = quantile(latencies, 0.99);
  const b50 = quantile(direct, 0.5);
  const b99 = quantile(direct, 0.99);
  console.log(
    `${delivered.length} events at ${RATE}/s: event accepted → SMTP accepted p50 ${r(p50)} ms, p99 ${r(p99)} ms, max ${r(Math.max(...latencies))} ms; direct nodemailer p50 ${r(b50)} ms, p99 ${r(b99)} ms; ${received.size} mails in MailDev`,
  );
  const suffix = RATE === 20 ? "" : `-at-${RATE}rps`;
  report({
    name: `event-to-message-p50${suffix}`,
    value: r(p50),
    unit: "ms",
    baseline: r(b50),
    ratio: Number((p50 / b50).toFixed(2)),
    target: "report (baseline: direct nodemailer send to the same MailDev)",
    ok: true,
  });
  report({
    name: `event-to-message-p99${suffix}`,
    value: r(p99),
    unit: "ms",
    baseline: r(b99),
    ratio: Number((p99 / b99).toFixed(2)),
    target: `< 1000 ms at ${RATE} events/s with every event accepted and delivered (${delivered.length}/${COUNT} were)`,
    ok: p99 < 1000 && delivered.length === COUNT,
  });
  report({
    name: `event-to-message-delivered${suffix}`,
    value: delivered.length,
    unit: `of ${COUNT} events`,
    baseline: COUNT,
    ratio: Number((delivered.length / COUNT).toFixed(3)),
    target: `all ${COUNT} accepted (2xx) and handed to SMTP within ${DRAIN_MS / 1000} s of the last send`,
    ok: delivered.length === COUNT,
  });
} finally {
  await shutdown();
}
