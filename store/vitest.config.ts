// The engines suite configuration shared by store, runtime and api.
export { default } from "../scripts/vitest-engines.config.js";
