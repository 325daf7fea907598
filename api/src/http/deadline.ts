import type { RequestHandler } from "express";
import { errorBody } from "../errors.js";

/** How long a request may wait on the engines before it is answered 503 (see `requestDeadline`). */
export type RequestDeadlines = {
  /** Ingestion, tracking, unsubscribe, webhooks, health and the studio's files (a few seconds). */
  public: number;
  /** The management API, whose reports may legitimately take longer on the embedded engine. */
  api: number;
};

export const DEFAULT_DEADLINES: RequestDeadlines = { public: 5_000, api: 30_000 };
const RETRY_AFTER_SECONDS = 5;

const ENV_NAMES: Record<keyof RequestDeadlines, string> = {
  public: "OMNIJOURNEY_REQUEST_DEADLINE_MS",
  api: "OMNIJOURNEY_API_DEADLINE_MS",
};

/** Deadlines from the environment (milliseconds); unset ones keep their default. */
export const deadlinesFromEnv = (env: NodeJS.ProcessEnv): Partial<RequestDeadlines> => {
  const deadlines: Partial<RequestDeadlines> = {};
  for (const key of ["public", "api"] as const) {
    const raw = env[ENV_NAMES[key]]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 100)
      throw new Error(
        `${ENV_NAMES[key]} must be a whole number of milliseconds (100 or more), not "${raw}"`,
      );
    deadlines[key] = value;
  }
  return deadlines;
};

/**
 * A bounded wait on every request path (issue 14): a database that stalls (a hung host, a stuck disk) keeps its
 * connections open and silent, so the driver would wait for ever and requests pile up. A request not answered
 * within its deadline gets 503 with Retry-After in the one error shape. Nothing was acknowledged: a write still
 * pending lands later or not at all, and the client's retry (same messageId) is de-duplicated either way. The
 * handler's own late answer is dropped by the error handler (headers already sent).
 */
export const requestDeadline =
  (deadlines: RequestDeadlines): RequestHandler =>
  (req, res, next) => {
    const ms = req.path.startsWith("/api/") ? deadlines.api : deadlines.public;
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      req.log?.warn({ deadlineMs: ms }, "request deadline passed; answered 503");
      res.setHeader("retry-after", String(RETRY_AFTER_SECONDS));
      res.status(503).json(
        errorBody("unavailable", "The service did not answer in time; retry shortly", {
          requestId: String(req.id ?? ""),
        }),
      );
    }, ms);
    const clear = () => clearTimeout(timer);
    res.once("finish", clear);
    res.once("close", clear);
    next();
  };
