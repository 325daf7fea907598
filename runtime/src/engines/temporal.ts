import path from "node:path";
import { Connection } from "@temporalio/client";
import { waitUntilHealthy } from "./health.js";
import { freePort } from "./ports.js";
import { spawnEngine, type EngineProcess } from "./process.js";

export interface RunningTemporal {
  address: string;
  namespace: string;
  uiUrl?: string;
  process: EngineProcess;
}

/** Answers true once the frontend serves the namespace. */
export async function temporalIsHealthy(address: string, namespace: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 2000 });
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } finally {
    await connection.close();
  }
}

/**
 * `temporal server start-dev` on 127.0.0.1 and free ports: persisted in `dbFile` (SQLite) or in
 * memory when `dbFile` is undefined; the web UI only when asked for.
 */
export async function startTemporalDevServer(options: {
  binary: string;
  logsDir: string;
  dbFile?: string;
  ui: boolean;
  namespace?: string;
}): Promise<RunningTemporal> {
  const namespace = options.namespace ?? "default";
  const port = await freePort();
  const args = [
    "server",
    "start-dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--log-level",
    "warn",
  ];
  args.push("--http-port", String(await freePort()), "--metrics-port", String(await freePort()));
  if (namespace !== "default") args.push("--namespace", namespace);
  if (options.dbFile) args.push("--db-filename", options.dbFile);
  let uiUrl: string | undefined;
  if (options.ui) {
    const uiPort = await freePort();
    args.push("--ui-ip", "127.0.0.1", "--ui-port", String(uiPort));
    uiUrl = `http://127.0.0.1:${uiPort}`;
  } else {
    args.push("--headless");
  }
  const logFile = path.join(options.logsDir, "temporal.log");
  const process = spawnEngine("temporal", options.binary, args, {
    logFile,
    // Offline machines: never call home for the server version check.
    env: { TEMPORAL_VERSION_CHECK_DISABLED: "1" },
  });
  const address = `127.0.0.1:${port}`;
  try {
    await waitUntilHealthy("Temporal dev server", () => temporalIsHealthy(address, namespace), {
      timeoutMs: 60_000,
      logFile,
      exited: process.hasExited,
    });
  } catch (error) {
    await process.stop();
    throw error;
  }
  return { address, namespace, uiUrl, process };
}
