// The engines suite configuration shared by store, runtime and api; the fault tests run apart (vitest.faults.config.ts).
import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import engines from "../scripts/vitest-engines.config.js";

export default mergeConfig(
  engines,
  defineConfig({ test: { exclude: [...configDefaults.exclude, "test/faults/**"] } }),
);
