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
 * Retries a database write a few times with backoff before giving up (about 6 s in all). For writes
 * that record something that already happened in the outside world (a workflow started, a message
 * handed to a provider): failing them on a transient error, such as the embedded FerretDB's
 * SQLITE_BUSY under a burst of writers, would make the caller do that thing again.
 */
export async function persistently<T>(write: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}
