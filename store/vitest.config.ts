import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["../scripts/vitest-engines.ts"],
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Integration tests share two cores with the engines: files run one at a time.
    fileParallelism: false,
  },
});
