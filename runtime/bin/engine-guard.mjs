#!/usr/bin/env node
// Runs one engine process and makes sure it never outlives its owner.
// Usage: engine-guard.mjs <ownerPid> <command> [args...]
// Node cannot set PR_SET_PDEATHSIG, so the guard polls the owner: when the owner is gone
// (Ctrl-C, SIGKILL, a crash), the engine is stopped. SIGTERM/SIGINT to the guard are forwarded.
import { spawn } from "node:child_process";

const [ownerArg, command, ...args] = process.argv.slice(2);
const ownerPid = Number(ownerArg);
if (!ownerPid || !command) {
  console.error("usage: engine-guard.mjs <ownerPid> <command> [args...]");
  process.exit(2);
}

const child = spawn(command, args, { stdio: "inherit" });
let stopping = false;

function stop(signal = "SIGTERM") {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
  // An engine that ignores SIGTERM is killed after a grace period.
  setTimeout(() => child.kill("SIGKILL"), 5000).unref();
}

function ownerAlive() {
  try {
    process.kill(ownerPid, 0);
    return true;
  } catch {
    return false;
  }
}

process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGTERM"));
const poll = setInterval(() => {
  if (!ownerAlive()) stop("SIGTERM");
}, 500);

child.on("error", (error) => {
  console.error(`engine-guard: cannot start ${command}: ${error.message}`);
  process.exit(127);
});
child.on("exit", (code, signal) => {
  clearInterval(poll);
  process.exit(code ?? (signal ? 1 : 0));
});
