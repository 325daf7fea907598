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

/**
 * Bundles the workflow code once per process (webpack takes seconds); every worker in the process reuses it.
 * `.js` specifiers resolve to `.ts` sources so the bundle also builds from `src/` in tests.
 */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  cached ??= bundleWorkflowCode({
    workflowsPath: workflowsPath(),
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
