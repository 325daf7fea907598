/**
 * FerretDB's SQLite backend answers concurrent writers with "database is locked (SQLITE_BUSY)"; MongoDB may
 * answer with a transient error label. Both mean "try again shortly", not "your request is wrong".
 */
export const isTransient = (err: unknown): boolean => {
  if (typeof err !== "object" || err === null) return false;
  const message = "message" in err && typeof err.message === "string" ? err.message : "";
  if (/SQLITE_BUSY|database is locked/i.test(message)) return true;
  const labels: unknown = "errorLabelSet" in err ? err.errorLabelSet : undefined;
  return (
    labels instanceof Set &&
    (labels.has("TransientTransactionError") || labels.has("RetryableWriteError"))
  );
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs an idempotent database operation, retrying transient engine errors with jittered backoff. */
export const retryTransient = async <T>(op: () => Promise<T>, attempts = 10): Promise<T> => {
  for (let i = 1; ; i++) {
    try {
      return await op();
    } catch (err) {
      if (i >= attempts || !isTransient(err)) throw err;
      await sleep(Math.min(500, 10 * 2 ** i) * (0.5 + Math.random()));
    }
  }
};
