// The steps `npm start` and `npm test` share before any workspace code can run: install the
// dependencies when they are missing or stale, then build every package. Only Node built-ins here.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");

export function omnijourneyHome() {
  return process.env.OMNIJOURNEY_HOME || path.join(os.homedir(), ".cache", "omnijourney");
}

/** Runs one start-up step, printing its label and how long it took (sync or async work). */
export function step(label, work) {
  const started = Date.now();
  console.log(`» ${label}…`);
  const done = () =>
    console.log(`  ${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const result = work();
  if (result instanceof Promise) return result.then((value) => (done(), value));
  done();
  return result;
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(" ")}\` failed with exit code ${result.status}`);
  }
}

/** Installs on a fresh clone, and again only when package-lock.json changed since the last install. */
export function installDependencies() {
  const marker = path.join(root, "node_modules", ".omnijourney-lock-hash");
  const lockHash = () =>
    createHash("sha256")
      .update(fs.readFileSync(path.join(root, "package-lock.json")))
      .digest("hex");
  if (fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === lockHash()) return;
  // `npm install` rather than `npm ci`: npm leaves other platforms' optional packages (turbo's,
  // swc's) out of the lock file, and `npm ci` then refuses the lock as out of sync.
  step("Installing dependencies", () =>
    run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"]),
  );
  fs.writeFileSync(marker, lockHash());
}

/**
 * Builds every package with turbo. Its cache lives outside the clone, so a fresh clone of the same
 * sources on a warm machine restores the build instead of compiling again.
 */
export function buildAll({ keepGoing = false } = {}) {
  const cacheDir = path.join(omnijourneyHome(), "turbo-cache");
  step("Building packages", () =>
    run(
      "npx",
      [
        "turbo",
        "run",
        "build",
        `--cache-dir=${cacheDir}`,
        "--output-logs=errors-only",
        "--log-order=grouped",
        ...(keepGoing ? ["--continue"] : []),
      ],
      {
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
      },
    ),
  );
}

/** Loads `.env` from the project root when present (the environment wins over it). */
export function loadDotEnv() {
  const file = path.join(root, ".env");
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
