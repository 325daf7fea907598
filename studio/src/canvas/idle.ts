/** How long work scheduled for idle time may wait when the browser never idles. */
const IDLE_TIMEOUT_MS = 300;

/**
 * Runs `task` when the browser is next idle (at most IDLE_TIMEOUT_MS later); returns a function that cancels
 * it. Browsers without `requestIdleCallback` (Safari) run it after the current task.
 */
export function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, 0);
  return () => window.clearTimeout(handle);
}
