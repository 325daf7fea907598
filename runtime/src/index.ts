export * from "./models/index.js";
export * from "./settings/workspace-settings.js";
