// Benchmark (issue 5): journeys completed per second and node steps per second for a 5-node journey
// (trigger, email, wait 1 s, branch, exit) interpreted by the journey workflow, against a hand-written
// Temporal workflow calling the same activities (bench/_runtime-baseline-workflow.mjs), in the same run
// on the Temporal dev server with FerretDB. Email goes to the sandbox provider so the figure is the
// runtime's, not the SMTP sink's. Also reports history events per enrolment (target ≤ 1.2× baseline).
// BENCH_RUNTIME_JOURNEYS sets the batch size (default 200), BENCH_RUNTIME_ROUNDS the rounds (default 3). After a
// warm-up batch on each side (not counted: the side that ran first used to pay the process's one-time costs),
// each round runs both sides, the order alternating between rounds; the best of each side is compared, and
// each round's own ratio is printed.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Client, Connection } from "@temporalio/client";
import { Worker } from "@temporalio/worker";
import { loadPackage, report, startBenchEngines } from "./_engines.mjs";

const N = Number(process.env.BENCH_RUNTIME_JOURNEYS ?? 200);
const ROUNDS = Number(process.env.BENCH_RUNTIME_ROUNDS ?? 3);
const WARM_UP = Math.max(10, Math.round(N / 10));
const NODES = 5;
const { compileJourney } = await loadPackage("shared");
const runtime = await loadPackage("runtime");
const store = await loadPackage("store");

const email = {
  subject: "Hello {{ profile.firstName }}",
  body: "<p>Welcome</p>",
  category: "marketing",
};
const condition = { attr: "plan", op: "eq", value: "pro" };
const plan = compileJourney({
  name: "bench",
  nodes: [
    { id: "t", type: "trigger.manual", config: {} },
    { id: "m", type: "message.email", config: email },
    { id: "w", type: "wait.duration", config: { amount: 1, unit: "second" } },
    { id: "b", type: "branch.condition", config: { condition } },
    { id: "x", type: "exit", config: {} },
  ],
  edges: [
    { id: "e1", source: "t", target: "m" },
    { id: "e2", source: "m", target: "w" },
    { id: "e3", source: "w", target: "b" },
    { id: "e4", source: "b", sourceHandle: "yes", target: "x" },
    { id: "e5", source: "b", sourceHandle: "no", target: "x" },
  ],
  settings: { respectQuietHours: false, frequencyCapped: false },
});

const engines = await startBenchEngines(["mongo", "temporal"]);
const suffix = randomBytes(3).toString("hex");
const dbName = `omnij_bench_runtime_${suffix}`;
const sandbox = { email: { provider: "sandbox" } };
let journeyWorker;
let baselineWorker;
let baselineRun;
let connection;
let db;
try {
  db = await store.connectStore(engines.mongoUri, { dbName });
  const models = db.collections;
  await models.settings.insertOne(
    store.newSettings({ quietHours: { enabled: false }, frequencyCap: { enabled: false } }),
  );
  await models.profiles.insertMany(
    Array.from({ length: N }, (_, i) =>
      store.newProfile({
        profileId: `b${i}`,
        anonymousIds: [],
        attributes: { email: `b${i}@bench.example`, firstName: "B", plan: i % 2 ? "pro" : "free" },
      }),
    ),
  );

  journeyWorker = await runtime.startWorker({
    mongoUri: engines.mongoUri,
    mongoDbName: dbName,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    taskQueue: `bench-journey-${suffix}`,
    providerSettings: sandbox,
    handleSignals: false,
  });
  const nativeConnection = await (
    await import("@temporalio/worker")
  ).NativeConnection.connect({ address: engines.temporalAddress });
  const tuning = runtime.workerTuningFromEnv();
  baselineWorker = await Worker.create({
    connection: nativeConnection,
    namespace: engines.temporalNamespace,
    taskQueue: `bench-baseline-${suffix}`,
    workflowsPath: path.join(import.meta.dirname, "_runtime-baseline-workflow.mjs"),
    activities: runtime.createActivities({
      store: runtime.createMongoStore(models),
      providers: runtime.createProviders(sandbox),
    }),
    maxConcurrentActivityTaskExecutions: tuning.maxConcurrentActivities,
    maxConcurrentWorkflowTaskExecutions: tuning.maxConcurrentWorkflowTasks,
    maxCachedWorkflows: tuning.maxCachedWorkflows,
  });
  baselineRun = baselineWorker.run().finally(() => nativeConnection.close());

  connection = await Connection.connect({ address: engines.temporalAddress });
  const client = new Client({ connection, namespace: engines.temporalNamespace });

  // CPU seconds used so far by this process (client and both workers) and by each engine's process group
  // (FerretDB, the Temporal dev server): CPU per journey does not depend on what else runs on the machine.
  const ticks = 100; // USER_HZ on Linux
  const groupCpu = (pgid) => {
    let total = 0;
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(fields[2]) === pgid) total += (Number(fields[11]) + Number(fields[12])) / ticks;
      } catch {
        // the process ended while being read
      }
    }
    return total;
  };
  const status = engines.status();
  const cpuNow = () => {
    const own = process.cpuUsage();
    return {
      worker: (own.user + own.system) / 1e6,
      ferretdb: status.mongo?.pid ? groupCpu(status.mongo.pid) : 0,
      temporal: status.temporal?.pid ? groupCpu(status.temporal.pid) : 0,
    };
  };

  /** Starts n workflows at once and waits for all; returns journeys/s and mean history length of a sample. */
  const batch = async (label, start, n = N) => {
    const cpuBefore = cpuNow();
    const began = performance.now();
    const handles = await Promise.all(Array.from({ length: n }, (_, i) => start(i)));
    await Promise.all(handles.map((h) => h.result()));
    const seconds = (performance.now() - began) / 1000;
    const cpuAfter = cpuNow();
    const cpuMs = (key) => (((cpuAfter[key] - cpuBefore[key]) * 1000) / n).toFixed(1);
    const sample = handles.filter((_, i) => i % Math.max(1, Math.floor(n / 20)) === 0);
    const described = await Promise.all(sample.map((h) => h.describe()));
    const events = described.reduce((a, d) => a + d.historyLength, 0) / described.length;
    // Start to close of each sampled workflow: shows whether a slow batch is slow throughout or has stragglers.
    const spans = described
      .map((d) => (d.closeTime.getTime() - d.startTime.getTime()) / 1000)
      .sort((a, b) => a - b);
    const median = spans[Math.floor(spans.length / 2)] ?? 0;
    console.log(
      `${label}: ${n} journeys in ${seconds.toFixed(2)} s (${(n / seconds).toFixed(1)}/s), ${events.toFixed(1)} history events each; ` +
        `each took median ${median.toFixed(1)} s, max ${(spans.at(-1) ?? 0).toFixed(1)} s; ` +
        `CPU ms per journey: worker process ${cpuMs("worker")}, FerretDB ${cpuMs("ferretdb")}, Temporal ${cpuMs("temporal")}`,
    );
    return { perSecond: n / seconds, events };
  };

  const handWritten = (id, label, n) =>
    batch(
      label,
      (i) =>
        client.workflow.start("handWrittenJourney", {
          taskQueue: `bench-baseline-${suffix}`,
          workflowId: `bench-baseline-${id}-${i}`,
          args: [
            {
              enrolment: {
                journeyId: "bench-baseline",
                version: 1,
                profileId: `b${i}`,
                workflowId: `bench-baseline-${id}-${i}`,
                enrolmentId: `bench-baseline-${id}-${i}/r`,
              },
              email,
              condition,
            },
          ],
        }),
      n,
    );
  const journeys = (id, label, n) =>
    batch(
      label,
      (i) =>
        client.workflow.start("journeyWorkflow", {
          taskQueue: `bench-journey-${suffix}`,
          workflowId: runtime.enrolmentWorkflowId("bench", `b${i}`, id),
          args: [{ plan, journeyId: "bench", version: 1, profileId: `b${i}`, event: null }],
        }),
      n,
    );

  await handWritten(`${suffix}-warm`, "hand-written (warm-up, not counted)", WARM_UP);
  await journeys(`${suffix}-warm`, "journey workflow (warm-up, not counted)", WARM_UP);
  const results = { journey: [], baseline: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const id = `${suffix}-${round}`;
    const sides = [
      async () => results.baseline.push(await handWritten(id, `hand-written (round ${round + 1})`)),
      async () => results.journey.push(await journeys(id, `journey workflow (round ${round + 1})`)),
    ];
    if (round % 2 === 1) sides.reverse();
    for (const side of sides) await side();
  }
  // How often the journey workflow wrote its Enrolment projection (docs/runtime.md: at most once per 2 s lag).
  const seqs = (
    await models.enrolments
      .find({ journeyId: "bench" }, { projection: { progressSeq: 1 } })
      .toArray()
  ).map((e) => e.progressSeq ?? 0);
  console.log(
    `progress batches per enrolment: mean ${(seqs.reduce((a, b) => a + b, 0) / seqs.length).toFixed(2)}, ` +
      [1, 2, 3, 4].map((k) => `${k}: ${seqs.filter((q) => q === k).length}`).join(", "),
  );
  const roundRatios = results.journey.map((j, i) => j.perSecond / results.baseline[i].perSecond);
  console.log(`ratio per round: ${roundRatios.map((r) => r.toFixed(2)).join(", ")}`);
  const best = (list) => list.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const ours = best(results.journey);
  const base = best(results.baseline);
  const round2 = (x) => Number(x.toFixed(2));
  const ratio = ours.perSecond / base.perSecond;
  report({
    name: "runtime-journeys-per-second",
    value: round2(ours.perSecond),
    unit: "journeys/s",
    baseline: round2(base.perSecond),
    ratio: round2(ratio),
    target: 0.8,
    ok: ratio >= 0.8,
  });
  report({
    name: "runtime-node-steps-per-second",
    value: round2(ours.perSecond * NODES),
    unit: "steps/s",
    baseline: round2(base.perSecond * NODES),
    ratio: round2(ratio),
    target: 0.8,
    ok: ratio >= 0.8,
  });
  const historyRatio = ours.events / base.events;
  report({
    name: "runtime-history-events-per-enrolment",
    value: round2(ours.events),
    unit: "events",
    baseline: round2(base.events),
    ratio: round2(historyRatio),
    target: 1.2,
    ok: historyRatio <= 1.2,
  });
} finally {
  baselineWorker?.shutdown();
  await baselineRun?.catch(() => undefined);
  await journeyWorker?.stop();
  await connection?.close();
  await db?.db.dropDatabase().catch(() => undefined);
  await db?.close();
  await engines.stop();
}
