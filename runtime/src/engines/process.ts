import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** runtime/bin/engine-guard.mjs, from src/engines (tests) or dist/engines (built). */
const guardScript = fileURLToPath(new URL("../../bin/engine-guard.mjs", import.meta.url));

/** An engine running under a guard that stops it when its owner process goes away. */
export interface EngineProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  hasExited(): boolean;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

// Last resort for an owner that exits without calling stop(): signal every guard synchronously.
process.on("exit", () => {
  for (const child of running) killGroup(child, "SIGTERM");
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** An engine that dies on its own takes everything using it down: say so loudly, with its last words. */
function reportUnexpectedExit(name: string, how: number | string | null, logFile: string): void {
  let tail = "";
  try {
    tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
  } catch {
    // no log to show
  }
  console.error(`engine ${name} exited unexpectedly (${how}); the end of ${logFile}:\n${tail}`);
}

/**
 * Starts `command` as an engine: output appended to `logFile`, its own process group, and a guard
 * that stops it if this process dies (Ctrl-C, SIGKILL, a crash) so no engine is ever orphaned.
 */
export function spawnEngine(
  name: string,
  command: string,
  args: string[],
  options: { logFile: string; env?: NodeJS.ProcessEnv; cwd?: string },
): EngineProcess {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.openSync(options.logFile, "a");
  fs.writeSync(log, `\n--- ${new Date().toISOString()} ${command} ${args.join(" ")}\n`);
  const child = spawn(process.execPath, [guardScript, String(process.pid), command, ...args], {
    stdio: ["ignore", log, log],
    detached: true, // own process group: a stop reaches the engine and anything it spawned
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
  });
  fs.closeSync(log);
  running.add(child);
  let exited = false;
  let stopping = false;
  const exit = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = true;
      running.delete(child);
      if (!stopping) reportUnexpectedExit(name, code ?? signal, options.logFile);
      resolve();
    });
  });
  child.unref();

  return {
    name,
    pid: child.pid ?? -1,
    logFile: options.logFile,
    hasExited: () => exited,
    async stop() {
      if (exited) return;
      stopping = true;
      child.kill("SIGTERM"); // the guard forwards it to the engine
      const forced = setTimeout(() => killGroup(child, "SIGKILL"), 8000);
      await exit;
      clearTimeout(forced);
      killGroup(child, "SIGKILL"); // anything the engine itself left behind in its group
    },
  };
}
