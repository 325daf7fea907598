import { MongoBulkWriteError } from "mongodb";

/**
 * The embedded FerretDB's SQLite backend answers concurrent writers with "database is locked (SQLITE_BUSY)";
 * MongoDB may answer with a transient error label. Both mean "try again shortly", not "your request is wrong".
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

/**
 * Retries a database write a few times with backoff before giving up (about 6 s in all). For writes
 * that record something that already happened in the outside world (a workflow started, a message
 * handed to a provider): failing them on a transient error, such as FerretDB's SQLITE_BUSY under a
 * burst of writers, would make the caller do that thing again.
 */
export async function persistently<T>(write: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await sleep(100 * 2 ** attempt);
    }
  }
}

/** A MongoDB duplicate-key error (a unique index refused the write). */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === 11000;
}

/**
 * Runs `write`; when a unique index refused it (another writer created the document first, as two upserts of
 * one new key race), runs `instead`, typically the same update now that the document exists.
 */
export async function onDuplicateKey<T, U>(
  write: () => Promise<T>,
  instead: () => Promise<U>,
): Promise<T | U> {
  try {
    return await write();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return instead();
  }
}

/**
 * Runs an unordered bulk insert and resolves the positions of the documents it inserted: those refused by a
 * unique index (they exist already) are left out; any other failure is thrown.
 */
export async function insertedDespiteDuplicates(
  insert: () => Promise<unknown>,
  count: number,
): Promise<number[]> {
  const all = Array.from({ length: count }, (_, index) => index);
  try {
    await insert();
    return all;
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const failed = [error.writeErrors].flat();
    if (failed.length === 0 || failed.some((e) => e.code !== 11000)) throw error;
    const taken = new Set(failed.map((e) => e.index));
    return all.filter((index) => !taken.has(index));
  }
}

/**
 * Awaits an unordered write, ignoring the documents a unique index refused: two requests creating the same new
 * document race on the unique key, and the loser's document exists. Any other write error is thrown.
 */
export async function ignoreDuplicateKeys(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (error instanceof MongoBulkWriteError) {
      const failed = [error.writeErrors].flat();
      if (failed.length > 0 && failed.every((e) => e.code === 11000)) return;
    } else if (isDuplicateKey(error)) return;
    throw error;
  }
}
