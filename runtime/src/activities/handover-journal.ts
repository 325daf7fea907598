import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Past this size the journal starts afresh, keeping one previous file (retries come within hours). */
const ROTATE_AT_BYTES = 32 * 1024 * 1024;

/**
 * A local, append-only record of the messages handed to a provider at its point of no return
 * (SMTP: just before the "." that ends DATA). The append is synchronous and sits right next to that
 * point, with no I/O to wait for in between, so a worker killed at any moment has either recorded
 * the hand-over and sent it, or done neither. A database write cannot give that: it may be applied
 * while the worker dies before sending, losing the message, or sent while the worker dies before
 * writing, doubling it.
 *
 * A send retried on the same host reads the journal to tell "delivered before the crash" from "never
 * delivered" (`send.ts`). Data written with write(2) survives the process being killed; a machine
 * crash may lose the last lines, and then the message is sent again (at least once).
 */
export class HandOverJournal {
  /** Where this journal lives: a send attempt records it, so its retry knows whether it can look. */
  readonly id: string;
  private appends = 0;

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.id = `${os.hostname()}:${path.resolve(file)}`;
  }

  /** Synchronous on purpose: see the class comment. */
  record(idempotencyKey: string): void {
    if (++this.appends % 1000 === 0) this.rotateIfLarge();
    fs.appendFileSync(this.file, `${idempotencyKey}\n`);
  }

  /** Whether a hand-over of the key was recorded (in this file or the previous one). */
  has(idempotencyKey: string): boolean {
    const line = `${idempotencyKey}\n`;
    return [this.file, `${this.file}.1`].some((file) => {
      try {
        const text = fs.readFileSync(file, "utf8");
        return text.startsWith(line) || text.includes(`\n${line}`);
      } catch {
        return false; // no such file yet
      }
    });
  }

  private rotateIfLarge(): void {
    try {
      if (fs.statSync(this.file).size > ROTATE_AT_BYTES) fs.renameSync(this.file, `${this.file}.1`);
    } catch {
      // nothing written yet
    }
  }
}

/** The journal's default place: one per host and user, shared by the workers on the host. */
export function defaultHandOverJournalFile(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.OMNIJOURNEY_HANDOVER_JOURNAL ??
    path.join(os.tmpdir(), `omnijourney-${os.userInfo().uid}`, "handover.log")
  );
}
