import fs from "node:fs";

/** The last lines of an engine's log, to explain why it did not come up. */
export function logTail(logFile: string, lines = 15): string {
  try {
    return fs.readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * Polls `check` until it resolves true, or fails after `timeoutMs` with the engine's log tail.
 * `exited` lets a crashed engine fail fast instead of waiting for the timeout.
 */
export async function waitUntilHealthy(
  what: string,
  check: () => Promise<boolean>,
  options: { timeoutMs: number; logFile?: string; exited?: () => boolean },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = "";
  while (Date.now() < deadline) {
    if (options.exited?.()) break;
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const log = options.logFile ? `\n--- ${options.logFile} ---\n${logTail(options.logFile)}` : "";
  const reason = options.exited?.() ? "it exited" : `no answer within ${options.timeoutMs} ms`;
  throw new Error(
    `${what} did not become healthy (${reason}${lastError ? `; last error: ${lastError}` : ""})${log}`,
  );
}
