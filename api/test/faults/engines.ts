/**
 * Stalls an embedded engine the way a hung host or a stuck disk does: SIGSTOP to its process group (the engine
 * and its guard), SIGCONT after the given time. The connection stays open and silent: clients see no error,
 * only no answer, the harder case for timeouts.
 */
import { inject } from "vitest";

export type StallableEngine = "mongo" | "temporal";

const resumers = new Set<() => void>();

/** Resumes any engine a failed test left stopped (call from afterAll), so later files are not stalled. */
export const resumeAllEngines = (): void => {
  for (const resume of resumers) resume();
};

/** Stops the engine for `ms`, running `during` meanwhile; always resumes it. Returns what `during` returned. */
export async function whileStalled<T>(
  engine: StallableEngine,
  ms: number,
  during: () => Promise<T>,
): Promise<T> {
  const pid = inject("engines").pids[engine];
  if (!pid) throw new Error(`The ${engine} engine is not embedded: nothing to stall`);
  const resume = () => {
    resumers.delete(resume);
    process.kill(-pid, "SIGCONT");
  };
  process.kill(-pid, "SIGSTOP");
  resumers.add(resume);
  const until = Date.now() + ms;
  try {
    const result = await during();
    const left = until - Date.now();
    if (left > 0) await new Promise((r) => setTimeout(r, left));
    return result;
  } finally {
    resume();
  }
}
