import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from "@temporalio/worker";

/** The workflow entry next to this module: dist/workflows/index.js when built, src/workflows/index.ts under Vitest. */
export function workflowsPath(): string {
  const js = fileURLToPath(new URL("./workflows/index.js", import.meta.url));
  if (fs.existsSync(js)) return js;
  return fileURLToPath(new URL("./workflows/index.ts", import.meta.url));
}

let cached: Promise<WorkflowBundleWithSourceMap> | null = null;

/** Modules the workflow bundle loads once per V8 context (see `preloadModules` below). */
export const PRELOADED_MODULES = ["@omnijourney/shared/workflow"];

/**
 * Bundles the workflow code once per process (webpack takes seconds); every worker in the process reuses it.
 * `.js` specifiers resolve to `.ts` sources so the bundle also builds from `src/` in tests.
 */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  cached ??= bundleWorkflowCode({
    workflowsPath: workflowsPath(),
    // Evaluated once per worker thread instead of once per workflow (reuseV8Context): the journey
    // model's workflow entry is pure, with no module state that changes after load, which sharing it
    // across workflows requires (the SDK deep-freezes it). zod is not in the bundle at all: its
    // schemas define properties lazily and would break once frozen.
    preloadModules: PRELOADED_MODULES,
    logger: {
      trace() {},
      debug() {},
      info() {},
      warn: console.warn,
      error: console.error,
      log() {},
    },
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, extensionAlias: { ".js": [".ts", ".js"] } },
    }),
  });
  return cached;
}

/** Writes a prebuilt bundle to `file` (for OMNIJOURNEY_WORKFLOW_BUNDLE: workers then start without webpack). */
export async function writeWorkflowBundle(file: string): Promise<void> {
  const { code } = await workflowBundle();
  fs.writeFileSync(file, code);
}
