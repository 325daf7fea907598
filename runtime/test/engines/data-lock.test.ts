import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  DATA_LOCK_FILE,
  DataDirInUseError,
  lockDataDir,
  startEngines,
} from "../../src/engines/index.js";

const folders: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  children.splice(0).forEach((child) => child.kill("SIGKILL"));
  folders.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

const dataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omnij-lock-"));
  folders.push(dir);
  return dir;
};

/** Another live process: its pid is what a second supervisor would find in the lock. */
const otherProcess = (): number => {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  children.push(child);
  if (!child.pid) throw new Error("could not start a child process");
  return child.pid;
};

/** The pid of a process that has exited, as a crashed or SIGKILLed supervisor leaves behind. */
const deadPid = async (): Promise<number> => {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid ?? 0;
};

describe("the data folder lock", () => {
  it("refuses a second owner while the first one runs, naming its pid and the folder", () => {
    const dir = dataDir();
    const owner = otherProcess();
    lockDataDir(dir, owner);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir)).toThrow(`in use by another Omnijourney (pid ${owner})`);
    expect(() => lockDataDir(dir)).toThrow(dir);
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, DATA_LOCK_FILE), `${await deadPid()}\n`);
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(lock.file, "utf8").trim()).toBe(String(process.pid));
  });

  it("is free again once released, and a release never removes another owner's lock", () => {
    const dir = dataDir();
    const first = lockDataDir(dir);
    first.release();
    expect(fs.existsSync(first.file)).toBe(false);
    const owner = otherProcess();
    lockDataDir(dir, owner);
    first.release();
    expect(fs.readFileSync(first.file, "utf8").trim()).toBe(String(owner));
  });

  it("stops startEngines on a folder in use before it starts anything", async () => {
    const dir = dataDir();
    lockDataDir(dir, otherProcess());
    await expect(startEngines({ profile: "dev", dataDir: dir, engines: [] })).rejects.toThrow(
      DataDirInUseError,
    );
    expect(fs.existsSync(path.join(dir, "logs"))).toBe(false);
  });

  it("holds the folder while the engines run and frees it on stop", async () => {
    const dir = dataDir();
    const engines = await startEngines({ profile: "dev", dataDir: dir, engines: [] });
    expect(() => lockDataDir(dir, otherProcess())).toThrow(`(pid ${process.pid})`);
    await engines.stop();
    expect(fs.existsSync(path.join(dir, DATA_LOCK_FILE))).toBe(false);
  });
});
