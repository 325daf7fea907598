import { defineConfig } from "vitest/config";

// Unit tests only: shared is pure, no engines needed.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
