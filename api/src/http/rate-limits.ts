import type { Request, RequestHandler, Response } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { errorBody } from "../errors.js";
import { deadlinesFromEnv, type RequestDeadlines } from "./deadline.js";

/** Requests allowed per minute, by what the bucket is keyed on. */
export type RateLimits = {
  /** `/v1` per valid write key. */
  ingestion: number;
  /** `/v1` with a missing or wrong write key, per client address. */
  invalidWriteKey: number;
  /** `/api` with a missing or wrong bearer token (sign-in attempts), per client address. */
  authFailures: number;
  /** Failed email-and-password sign-ins, per client address. */
  signIn: number;
  /** `/t/*` (opens and clicks), per client address; webmail image proxies share few addresses. */
  tracking: number;
  /** `/unsubscribe/*`, per client address. */
  unsubscribe: number;
  /** `/webhooks/*`, per client address; providers call from few addresses. */
  webhooks: number;
};

export const DEFAULT_RATE_LIMITS: RateLimits = {
  ingestion: 60_000,
  invalidWriteKey: 60,
  authFailures: 30,
  signIn: 10,
  tracking: 6_000,
  unsubscribe: 60,
  webhooks: 6_000,
};

const ENV_NAMES: Record<keyof RateLimits, string> = {
  ingestion: "OMNIJOURNEY_RATE_LIMIT_INGESTION",
  invalidWriteKey: "OMNIJOURNEY_RATE_LIMIT_INVALID_KEY",
  authFailures: "OMNIJOURNEY_RATE_LIMIT_AUTH_FAILURES",
  signIn: "OMNIJOURNEY_RATE_LIMIT_SIGN_IN",
  tracking: "OMNIJOURNEY_RATE_LIMIT_TRACKING",
  unsubscribe: "OMNIJOURNEY_RATE_LIMIT_UNSUBSCRIBE",
  webhooks: "OMNIJOURNEY_RATE_LIMIT_WEBHOOKS",
};

/** Express's `trust proxy`: `false` (the default: X-Forwarded-For is ignored), a hop count, or addresses/subnets. */
export type TrustProxy = false | number | string;

/**
 * Reads the limits (`OMNIJOURNEY_RATE_LIMIT_*`, requests per minute) and the proxies whose X-Forwarded-For is
 * believed (`OMNIJOURNEY_TRUST_PROXY`: a comma-separated list of addresses or subnets, `loopback`, or a hop count).
 * A value that is not a positive whole number is refused, so a typo never turns a limit off.
 */
export const limitsFromEnv = (
  env: NodeJS.ProcessEnv,
): {
  rateLimits: Partial<RateLimits>;
  trustProxy: TrustProxy;
  deadlines: Partial<RequestDeadlines>;
} => {
  const rateLimits: Partial<RateLimits> = {};
  for (const [key, name] of Object.entries(ENV_NAMES)) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(
        `${name} must be a positive whole number of requests per minute, not "${raw}"`,
      );
    rateLimits[key as keyof RateLimits] = value; // why: the keys of ENV_NAMES are RateLimits' keys
  }
  const trust = env.OMNIJOURNEY_TRUST_PROXY?.trim();
  const trustProxy: TrustProxy =
    !trust || trust === "false" ? false : /^\d+$/.test(trust) ? Number(trust) : trust;
  return { rateLimits, trustProxy, deadlines: deadlinesFromEnv(env) };
};

/** The client's address as Express sees it (the proxy's, unless the proxy is trusted), IPv6 by /56 subnet. */
export const clientKey = (req: Request): string => ipKeyGenerator(req.ip ?? "");

/** One fixed one-minute window per key; 429 in the one error shape, with Retry-After and RateLimit headers. */
export const limiter = (options: {
  limit: number;
  key: (req: Request) => string;
  skip?: (req: Request) => boolean | Promise<boolean>;
  /** Only responses this says failed count against the limit (default: every request counts). */
  failed?: (res: Response) => boolean;
  what: string;
}): RequestHandler =>
  rateLimit({
    windowMs: 60_000,
    limit: options.limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: options.key,
    ...(options.skip ? { skip: options.skip } : {}),
    ...(options.failed
      ? {
          skipSuccessfulRequests: true,
          requestWasSuccessful: (_req, res) => !options.failed?.(res),
        }
      : {}),
    handler: (_req, res) => {
      res
        .status(429)
        .json(
          errorBody("rate_limited", `Too many ${options.what}; retry after the Retry-After delay`),
        );
    },
  });
