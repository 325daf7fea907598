import { defineConfig } from "vitest/config";

// Store, command and catalog logic is pure, so it is tested in the node environment.
export default defineConfig({
  test: { environment: "node", include: ["test/**/*.test.ts"] },
});
