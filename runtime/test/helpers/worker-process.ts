import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const runtimeDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export type WorkerProcessEnv = {
  MONGODB_URI: string;
  OMNIJ_DB: string;
  TEMPORAL_ADDRESS: string;
  TEMPORAL_NAMESPACE: string;
  SMTP_URL: string;
  OMNIJOURNEY_TASK_QUEUE: string;
  OMNIJOURNEY_WORKFLOW_BUNDLE: string;
  OMNIJOURNEY_HANDOVER_JOURNAL: string;
};

/**
 * Starts a journey worker in its own process (test/fixtures/durability-worker.ts), for tests that
 * SIGKILL it; resolves once it polls. The caller kills what it started.
 */
export function startWorkerProcess(env: WorkerProcessEnv): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(runtimeDir, "test", "fixtures", "durability-worker.ts")],
    {
      cwd: runtimeDir,
      env: { ...process.env, ...env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("WORKER_READY")) resolve(child);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) =>
      reject(new Error(`worker exited (${code}) before ready:\n${output}`)),
    );
  });
}

/** SIGKILLs the process and waits until it is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  await gone;
}
