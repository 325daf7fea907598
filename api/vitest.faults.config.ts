// The fault tests (issue 14), behind `npm run test:faults`: each stalls, kills or breaks a part of the stack for
// tens of seconds, so together they take longer than the normal suite should.
import { defineConfig } from "vitest/config";
import engines from "../scripts/vitest-engines.config.js";

export default defineConfig({
  ...engines,
  test: { ...engines.test, include: ["test/faults/**/*.test.ts"], testTimeout: 600_000 },
});
