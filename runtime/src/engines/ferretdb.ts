import fs from "node:fs";
import path from "node:path";
import { mongoIsHealthy } from "@omnijourney/store";
import { waitUntilHealthy } from "./health.js";
import { freePort } from "./ports.js";
import { spawnEngine, type EngineProcess } from "./process.js";

export interface RunningFerretDb {
  uri: string;
  process: EngineProcess;
}

/** FerretDB with its SQLite backend in `dataDir`, telemetry and the debug listener off. */
export async function startFerretDb(options: {
  binary: string;
  dataDir: string;
  logsDir: string;
}): Promise<RunningFerretDb> {
  const sqliteDir = path.join(options.dataDir, "sqlite");
  const stateDir = path.join(options.dataDir, "state");
  fs.mkdirSync(sqliteDir, { recursive: true });
  fs.mkdirSync(stateDir, { recursive: true });
  const port = await freePort();
  const logFile = path.join(options.logsDir, "ferretdb.log");
  const process = spawnEngine(
    "ferretdb",
    options.binary,
    [
      "--handler=sqlite",
      // BEGIN IMMEDIATE: concurrent writers wait on SQLite's busy timeout instead of failing
      // with SQLITE_BUSY when a read transaction tries to upgrade to a write under WAL.
      // A minute of busy timeout (FerretDB's default is 10 s): on two cores under a burst of
      // writers, a write may queue longer than 10 s, and failing it would fail the caller.
      // synchronous=NORMAL: a commit is in the write-ahead log when it returns and survives the
      // process being killed; it is synced to disk at checkpoints, not per commit (like MongoDB's
      // default journal commit interval). Half the time per write (decision 0006).
      `--sqlite-url=file:${sqliteDir}/?_txlock=immediate&_pragma=busy_timeout(60000)&_pragma=synchronous(normal)`,
      `--listen-addr=127.0.0.1:${port}`,
      "--telemetry=disable",
      "--debug-addr=-",
      `--state-dir=${stateDir}`,
      "--log-level=warn",
    ],
    { logFile },
  );
  const uri = `mongodb://127.0.0.1:${port}/`;
  try {
    await waitUntilHealthy("FerretDB", () => mongoIsHealthy(uri), {
      timeoutMs: 30_000,
      logFile,
      exited: process.hasExited,
    });
  } catch (error) {
    await process.stop();
    throw error;
  }
  return { uri, process };
}
