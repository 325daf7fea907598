/** Polls `check` until it returns a truthy value (no fixed sleeps in tests). */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  options: {
    timeoutMs?: number;
    intervalMs?: number;
    what?: string;
    onPoll?: () => Promise<void>;
  } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await options.onPoll?.();
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
  throw new Error(
    `timed out waiting for ${options.what ?? "a condition"}${last ? `: ${String(last)}` : ""}`,
  );
}
