import type { Logger } from "pino";
import type { Client } from "@temporalio/client";
import type { JourneyRuntimeApi } from "./runtime.js";
import type { Fanout } from "./ingestion/fanout.js";
import type { Collections } from "@omnijourney/store";
import type { RateLimits, TrustProxy } from "./http/rate-limits.js";
import type { RequestDeadlines } from "./http/deadline.js";

export type ApiConfig = {
  adminToken: string;
  writeKey: string;
  /** Public base URL used in tracking links, unsubscribe links and Telegram deep links. */
  publicUrl: string;
  taskQueue: string;
  studioDir?: string;
  /** Requests per minute for each limited path (see `RateLimits`). */
  rateLimits: RateLimits;
  /** The proxies whose X-Forwarded-For is believed (Express's `trust proxy`); `false`: none. */
  trustProxy: TrustProxy;
  /** How long a request waits on the engines before it answers 503 with Retry-After. */
  deadlines: RequestDeadlines;
};

/** Everything a route needs, built once by `startApi` and passed down explicitly. */
export type ApiContext = {
  config: ApiConfig;
  logger: Logger;
  db: Collections;
  runtime: JourneyRuntimeApi;
  /** Temporal client, for what the runtime's API does not cover (cancelling one person's enrolments on erase). */
  temporal: Client;
  fanout: Fanout;
  /** MongoDB answers a ping. */
  ping: () => Promise<boolean>;
  /** Temporal's frontend answers for our namespace. */
  pingTemporal: () => Promise<boolean>;
  /** Each engine's status; the supervisor may ask the engines live, so it may be async. */
  engineStatus?: () => Record<string, unknown> | Promise<Record<string, unknown>>;
};
