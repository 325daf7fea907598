export { startApi, type StartApiOptions, type RunningApi } from "./server.js";
export { createApp } from "./app.js";
export type { ApiContext } from "./context.js";
