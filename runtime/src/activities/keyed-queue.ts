/**
 * Runs async tasks one at a time per key. FerretDB 1.24's SQLite backend loses concurrent `$inc`
 * updates to the same document (measured: 50 concurrent increments left 3), so counter writes from
 * one worker process are serialised per document. MongoDB would not need it; it costs little there.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
