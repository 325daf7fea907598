/** Storage: typed driver collections (models), the engine's capabilities and quirks, repositories. */
export * from "./models/index.js";
export * from "./engine/index.js";
export * from "./repos/index.js";
