import fs from "node:fs";
import path from "node:path";

/** The file in a data folder that names the process using it. */
export const DATA_LOCK_FILE = "omnijourney.lock";

/** Another live process already runs on this data folder. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Omnijourney (pid ${pid}). Stop that one first, or start ` +
        `this one on another folder (OMNIJOURNEY_DATA_DIR). If no such process runs, delete ${path.join(dataDir, DATA_LOCK_FILE)}.`,
    );
    this.name = "DataDirInUseError";
  }
}

export interface DataDirLock {
  readonly file: string;
  /** Removes the lock if it is still ours; safe to call more than once. */
  release(): void;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
};

const ownerOf = (file: string): number | null => {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

/**
 * Claims a data folder for this process: two supervisors on one folder would start two FerretDBs and two Temporal
 * servers on the same files. The lock is a file holding our pid, created atomically; a lock left by a process
 * that no longer runs (a crash, SIGKILL) is taken over.
 */
export function lockDataDir(dataDir: string, pid = process.pid): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATA_LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${pid}\n`, { flag: "wx" });
      return {
        file,
        release: () => {
          if (ownerOf(file) === pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    }
    const owner = ownerOf(file);
    if (owner !== null && owner !== pid && isAlive(owner))
      throw new DataDirInUseError(dataDir, owner);
    fs.rmSync(file, { force: true });
  }
  throw new Error(`Could not lock the data folder ${dataDir}: another process keeps claiming it`);
}
