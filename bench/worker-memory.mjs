// Benchmark (issue 5): worker memory with 10,000 enrolments waiting on timers. Starts FerretDB + Temporal's
// dev server (test profile, in memory), the journey worker in a CHILD process (`--worker`, so its RSS is
// its own: Node heap, the workflow isolates and Temporal's native core) and the API in this process.
// Publishes "trigger.manual → wait.duration (1 day) → exit", measures the idle worker's RSS (the baseline),
// enrols 10,000 profiles through the journey runtime (`enrol`, the path the API and fan-out use), waits until
// every enrolment has reached the wait (journey stats: `active` on the wait node), then samples the worker's
// RSS. The worker's sticky cache (`maxCachedWorkflows`, default 1,000) is what bounds its memory: 10,000
// waiting workflows must not mean 10,000 cached ones. Target: RSS < 1 GiB.
import { fork } from "node:child_process";
import fs from "node:fs";
import { loadPackage, report, startBenchEngines, stopAllOnExit } from "./_engines.mjs";

const ENROLMENTS = Number(process.env.BENCH_WORKER_ENROLMENTS ?? 10_000);
const CONCURRENCY = 16;
/** Settling ends when the waiting count has not moved for this long… */
const SETTLE_MS = 60_000;
/** …or after this long in all. */
const SETTLE_MAX_MS = 10 * 60_000;
// The enrolment phase is bounded: what is reached by then is reported (and fails the target when < 10,000).
const ENROL_BUDGET_MS = Number(process.env.BENCH_WORKER_ENROL_MINUTES ?? 15) * 60_000;
const ADMIN = "bench-admin-token";
const GiB = 1024 ** 3;

if (process.argv[2] === "--worker") {
  const { startWorker } = await loadPackage("runtime");
  const worker = await startWorker({ ...JSON.parse(process.argv[3]), handleSignals: false });
  process.on("message", async (msg) => {
    if (msg === "stop") {
      await worker.stop();
      process.exit(0);
    }
  });
  // The parent went away (killed): stop polling Temporal and exit rather than linger.
  process.once("disconnect", () => void worker.stop().finally(() => process.exit(0)));
  process.send({ ready: true, maxCachedWorkflows: worker.worker.options.maxCachedWorkflows });
} else {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Resident set and its peak (kB in /proc) of a process, in bytes. */
  const memoryOf = (pid) => {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb("VmRSS"), peak: kb("VmHWM") };
  };
  const mib = (bytes) => Number((bytes / 1024 ** 2).toFixed(1));

  const engines = await startBenchEngines(["mongo", "temporal"]);
  const { stops, shutdown } = stopAllOnExit(engines);
  try {
    const dbName = `omnij_bench_mem_${process.pid}`;
    const taskQueue = `bench-mem-${process.pid}`;
    const child = fork(
      import.meta.filename,
      [
        "--worker",
        JSON.stringify({
          mongoUri: engines.mongoUri,
          mongoDbName: dbName,
          temporalAddress: engines.temporalAddress,
          temporalNamespace: engines.temporalNamespace,
          taskQueue,
        }),
      ],
      {
        env: { ...process.env, LOG_LEVEL: "warn", EMAIL_PROVIDER: "sandbox" }, // no message node here: email needs no relay
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      },
    );
    const exited = new Promise((resolve) => child.once("exit", resolve));
    stops.push(async () => {
      if (child.exitCode === null) child.send("stop");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    });
    const ready = await new Promise((resolve, reject) => {
      child.once("message", resolve);
      child.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
    });

    const { startApi } = await loadPackage("api");
    const { pino } = await import("pino");
    const api = await startApi({
      port: 0,
      mongoUri: engines.mongoUri,
      dbName,
      temporalAddress: engines.temporalAddress,
      temporalNamespace: engines.temporalNamespace,
      taskQueue,
      adminToken: ADMIN,
      writeKey: "bench-write-key",
      logger: pino({ level: "warn" }),
    });
    stops.push(() => api.close());
    const call = async (method, path, body) => {
      const res = await fetch(`${api.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
      return JSON.parse(text);
    };
    const created = await call("POST", "/api/journeys", {
      name: "Bench: wait a day",
      nodes: [
        { id: "t", type: "trigger.manual", position: { x: 0, y: 0 }, config: {} },
        {
          id: "w",
          type: "wait.duration",
          position: { x: 0, y: 120 },
          config: { amount: 1, unit: "day" },
        },
        { id: "x", type: "exit", position: { x: 0, y: 240 }, config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "w" },
        { id: "e2", source: "w", target: "x" },
      ],
      settings: { reentry: "never", exitOn: [] },
    });
    const { version } = await call("POST", `/api/journeys/${created.id}/publish`);

    await sleep(5_000); // let the idle worker settle after start
    const idle = memoryOf(child.pid);
    console.log(
      `idle worker: RSS ${mib(idle.rss)} MiB (maxCachedWorkflows ${ready.maxCachedWorkflows})`,
    );

    const runtime = api.context.runtime;
    let next = 0;
    let enrolled = 0;
    let failed = 0;
    const errors = new Set();
    let peakDuring = idle.rss;
    const started = Date.now();
    const timeline = setInterval(() => {
      const m = memoryOf(child.pid);
      peakDuring = Math.max(peakDuring, m.rss);
      console.log(
        `${((Date.now() - started) / 1000).toFixed(0)} s: ${enrolled} enrolled; worker RSS ${mib(m.rss)} MiB`,
      );
    }, 30_000);
    const enrolOne = async () => {
      while (next < ENROLMENTS && Date.now() - started < ENROL_BUDGET_MS) {
        const i = next++;
        try {
          const result = await runtime.enrol({
            journeyId: created.id,
            version,
            profileId: `mem-${i}`,
            event: null,
          });
          if (result.started) enrolled++;
          else failed++;
        } catch (error) {
          failed++;
          errors.add(error instanceof Error ? error.message.slice(-80) : String(error));
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, enrolOne)).finally(() =>
      clearInterval(timeline),
    );
    const enrolSeconds = (Date.now() - started) / 1000;
    console.log(
      `${enrolled} enrolments started in ${enrolSeconds.toFixed(0)} s (${(enrolled / enrolSeconds).toFixed(1)}/s), ${failed} refused or failed${errors.size ? `: ${[...errors].slice(0, 3).join("; ")}` : ""}`,
    );

    // Every workflow has run to the timer when the wait node counts them all as active. The worker may still be
    // working through a backlog of first workflow tasks: wait while the count moves (at most SETTLE_MAX_MS).
    const settleEnd = Date.now() + SETTLE_MAX_MS;
    let deadline = Date.now() + SETTLE_MS;
    let waiting = 0;
    while (Date.now() < Math.min(deadline, settleEnd)) {
      const stats = await call("GET", `/api/journeys/${created.id}/stats`);
      const now = stats.nodes?.w?.active ?? 0;
      if (now > waiting) deadline = Date.now() + SETTLE_MS;
      waiting = now;
      peakDuring = Math.max(peakDuring, memoryOf(child.pid).rss);
      if (waiting >= enrolled) break;
      await sleep(2_000);
    }
    console.log(`${waiting} of ${enrolled} enrolments waiting on the timer`);
    await sleep(5_000);
    const loaded = memoryOf(child.pid);
    peakDuring = Math.max(peakDuring, loaded.rss);
    console.log(
      `worker with ${waiting} enrolments waiting: RSS ${mib(loaded.rss)} MiB (peak ${mib(Math.max(peakDuring, loaded.peak))} MiB); idle ${mib(idle.rss)} MiB`,
    );
    report({
      name: "worker-rss-enrolments-waiting",
      value: mib(loaded.rss),
      unit: "MiB",
      baseline: mib(idle.rss),
      ratio: Number((loaded.rss / idle.rss).toFixed(2)),
      target: `< 1024 MiB with ${ENROLMENTS} waiting (maxCachedWorkflows ${ready.maxCachedWorkflows}); ${waiting} were waiting`,
      ok: loaded.rss < GiB && waiting >= ENROLMENTS,
    });
    report({
      name: "worker-rss-peak-enrolling",
      value: mib(Math.max(peakDuring, loaded.peak)),
      unit: "MiB",
      baseline: mib(idle.rss),
      ratio: Number((Math.max(peakDuring, loaded.peak) / idle.rss).toFixed(2)),
      target: `< 1024 MiB while enrolling ${ENROLMENTS} (${enrolled} enrolled in the time budget)`,
      ok: Math.max(peakDuring, loaded.peak) < GiB && enrolled >= ENROLMENTS,
    });
  } finally {
    await shutdown();
  }
}
