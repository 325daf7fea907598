export { startApi, type StartApiOptions, type RunningApi } from "./server.js";
export { createApp } from "./app.js";
export type { ApiContext } from "./context.js";
export { seedDemo, seedWorkspace, type SeedOptions, type SeedSummary } from "./seed/index.js";
export { createApiContext, type ContextOptions } from "./server.js";
export { trackingLinks, type TrackingLinks } from "./services/feedback.js";
export {
  DEFAULT_RATE_LIMITS,
  limitsFromEnv,
  type RateLimits,
  type TrustProxy,
} from "./http/rate-limits.js";
