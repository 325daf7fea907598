/**
 * Group commit for counter increments: while one `$inc` for a document is in flight, later increments
 * for the same document are merged and written together by the next update. Each caller's promise
 * settles when the write that carries its increment has finished, so nothing is acknowledged early.
 * One writer per document also keeps FerretDB from losing concurrent `$inc`s (see keyed-queue.ts).
 */
export class CounterBatcher {
  private readonly pending = new Map<
    string,
    { inc: Record<string, number>; waiters: { resolve(): void; reject(e: unknown): void }[] }
  >();
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly write: (key: string, inc: Record<string, number>) => Promise<void>,
  ) {}

  add(key: string, inc: Record<string, number>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const batch = this.pending.get(key) ?? { inc: {}, waiters: [] };
      for (const [field, by] of Object.entries(inc))
        batch.inc[field] = (batch.inc[field] ?? 0) + by;
      batch.waiters.push({ resolve, reject });
      this.pending.set(key, batch);
      if (!this.inFlight.has(key)) void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    this.inFlight.add(key);
    try {
      for (let batch = this.pending.get(key); batch; batch = this.pending.get(key)) {
        this.pending.delete(key);
        try {
          await this.write(key, batch.inc);
          for (const w of batch.waiters) w.resolve();
        } catch (error) {
          for (const w of batch.waiters) w.reject(error);
        }
      }
    } finally {
      this.inFlight.delete(key);
    }
  }
}
