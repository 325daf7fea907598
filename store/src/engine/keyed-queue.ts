/**
 * Runs async tasks one at a time per key. FerretDB 1.24's SQLite backend loses concurrent `$inc`
 * updates to the same document (measured: 50 concurrent increments left 3), so counter writes from
 * one worker process are serialised per document. MongoDB would not need it; it costs little there.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.runAll([key], task);
  }

  /**
   * Runs `task` once after the earlier tasks of every key in `keys`; later tasks of those keys wait for it.
   * The keys are taken all at once (no task holds some keys while waiting for others), so tasks over
   * overlapping sets of keys cannot wait on each other in a circle.
   */
  runAll<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)];
    // Tails never reject (see below), so `task` runs once every earlier task settled.
    const next = Promise.all(unique.map((key) => this.tails.get(key))).then(task);
    const tail = next.catch(() => undefined);
    for (const key of unique) {
      this.tails.set(key, tail);
      void tail.then(() => {
        if (this.tails.get(key) === tail) this.tails.delete(key);
      });
    }
    return next;
  }
}
