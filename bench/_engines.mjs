// Shared by benchmarks that need the real engines: starts them like the test suite does (fresh
// data, in-memory Temporal) and stops them when the benchmark process ends.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");

/** Imports a built workspace package (`npm run bench` builds first). */
export function loadPackage(pkg) {
  return import(pathToFileURL(path.join(root, pkg, "dist", "index.js")).href);
}

/** Starts FerretDB, Temporal and MailDev for one benchmark; call `stop()` when done. */
export async function startBenchEngines(engines) {
  const { startEngines } = await loadPackage("runtime");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "omnij-bench-"));
  const running = await startEngines({ profile: "test", dataDir, engines });
  return {
    ...running,
    async stop() {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Ties what a benchmark starts to its engines: `stops` collects stop functions (run in reverse, then
 * the engines), and `shutdown()` runs them once, also on Ctrl-C or SIGTERM.
 */
export function stopAllOnExit(engines) {
  const stops = [];
  let stopping = null;
  const shutdown = () =>
    (stopping ??= (async () => {
      for (const stop of stops.reverse()) await stop().catch((error) => console.error(error));
      await engines.stop();
    })());
  for (const signal of ["SIGINT", "SIGTERM"])
    process.once(signal, () => void shutdown().finally(() => process.exit(130)));
  return { stops, shutdown };
}

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value at quantile q (0..1) of a list of numbers. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Prints one result line for bench/run.mjs. */
export function report(result) {
  console.log(`BENCH ${JSON.stringify(result)}`);
}
