import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { ADMIN_TOKEN, WRITE_KEY } from "./api.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Starts the API in a process of its own (helpers/api-process.ts) on the test engines, against an existing
 * database and task queue, for tests that kill it or run several; resolves with its URL once it listens. The
 * caller kills what it started.
 */
export const startApiProcess = (
  dbName: string,
  taskQueue: string,
  /** A short outbox lease lets a restarted process take a killed one's entries over soon (the SIGKILL test). */
  outboxLeaseMs = 1_500,
): Promise<{ proc: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const e = inject("engines");
    const proc = spawn(process.execPath, ["--import", "tsx", path.join(here, "api-process.ts")], {
      env: {
        ...process.env,
        TEST_MONGO_URI: e.mongoUri,
        TEST_DB_NAME: dbName,
        TEST_TEMPORAL_ADDRESS: e.temporalAddress,
        TEST_TEMPORAL_NAMESPACE: e.temporalNamespace,
        TEST_TASK_QUEUE: taskQueue,
        TEST_ADMIN_TOKEN: ADMIN_TOKEN,
        TEST_WRITE_KEY: WRITE_KEY,
        OMNIJOURNEY_OUTBOX_LEASE_MS: String(outboxLeaseMs),
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    proc.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\S+)/.exec(out);
      if (m?.[1]) resolve({ proc, url: m[1] });
    });
    proc.on("exit", (code) =>
      reject(new Error(`API process exited (${String(code)}) before it was ready`)),
    );
  });
