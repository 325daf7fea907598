// The Vitest configuration of every package whose tests run against the real engines (store, runtime, api).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Relative to the package that runs the suite (each is one folder below the root).
    globalSetup: ["../scripts/vitest-engines.ts"],
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Integration tests share two cores with the engines: files run one at a time.
    fileParallelism: false,
  },
});
