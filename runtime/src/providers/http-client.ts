/**
 * The HTTP transport every HTTP provider shares: one POST with a per-attempt timeout, retried with
 * exponential backoff on network errors, timeouts, 5xx, 408 and 429 (honouring Retry-After).
 * Other 4xx answers are returned at once: the request itself is wrong and retrying cannot help.
 * Every request passes the outbound guard (net/outbound-guard.ts): base URLs and webhook targets come from
 * configuration and content; a refusal is permanent and never retried.
 */
import { guardedFetch, guardRefusal } from "../net/outbound-guard.js";

export type RetryPolicy = {
  /** Total attempts including the first (1 = no retry). */
  maxAttempts: number;
  /** Delay before the first retry; doubles each time. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per-attempt timeout, covering connect, upload and reading the response body. */
  timeoutMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  timeoutMs: 10_000,
};

export type HttpRequest = {
  url: string;
  /** Default POST. */
  method?: "POST" | "PUT" | "PATCH";
  /** A function is called once per attempt (webhooks sign each attempt with a fresh timestamp). */
  headers: Record<string, string> | (() => Record<string, string>);
  body: string | Uint8Array;
};

export type HttpOutcome =
  | { kind: "response"; status: number; headers: Headers; text: string; attempts: number }
  | {
      kind: "error";
      error: string;
      timedOut: boolean;
      attempts: number;
      /** The outbound guard refused the target: retrying cannot help. */
      refused?: true;
    };

export const isRetryableStatus = (status: number): boolean =>
  status >= 500 || status === 408 || status === 429;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unparsable. */
function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Exponential backoff with jitter in [50%, 100%] of the step, so retries from many workers spread out. */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step * (0.5 + Math.random() / 2));
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    // undici wraps the socket error (ECONNREFUSED, ECONNRESET) in `cause`.
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}

/** Sends one request (POST unless `method` says otherwise) under the retry policy. */
export async function requestWithRetry(
  request: HttpRequest,
  policy: RetryPolicy,
): Promise<HttpOutcome> {
  let last: HttpOutcome = { kind: "error", error: "no attempt made", timedOut: false, attempts: 0 };
  for (let attempt = 1; attempt <= Math.max(1, policy.maxAttempts); attempt++) {
    let waitHint: number | undefined;
    try {
      const response = await guardedFetch(request.url, {
        method: request.method ?? "POST",
        headers: typeof request.headers === "function" ? request.headers() : request.headers,
        body: request.body,
        signal: AbortSignal.timeout(policy.timeoutMs),
        // A redirect means a misconfigured URL: report the 3xx (permanent) rather than follow it with the body and signature.
        redirect: "manual",
      });
      const text = await response.text();
      last = {
        kind: "response",
        status: response.status,
        headers: response.headers,
        text,
        attempts: attempt,
      };
      if (!isRetryableStatus(response.status)) return last;
      waitHint = retryAfterMs(response.headers);
    } catch (error) {
      const refusal = guardRefusal(error);
      if (refusal)
        return {
          kind: "error",
          error: refusal.message,
          timedOut: false,
          attempts: attempt,
          refused: true,
        };
      const timedOut =
        error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      last = {
        kind: "error",
        error: timedOut ? `timed out after ${policy.timeoutMs} ms` : describeError(error),
        timedOut,
        attempts: attempt,
      };
    }
    if (attempt < policy.maxAttempts) {
      const delay =
        waitHint === undefined
          ? backoffDelay(policy, attempt)
          : Math.min(waitHint, policy.maxDelayMs);
      await sleep(delay);
    }
  }
  return last;
}

/** Parses a JSON response body; undefined when it is not JSON (an HTML error page from a proxy, say). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The common translation of a transport outcome that carried no usable success body into a failed result. */
export function failureFrom(
  outcome: HttpOutcome,
  detail?: string,
): {
  status: "failed";
  permanent: boolean;
  error: string;
  attempts: number;
} {
  if (outcome.kind === "error") {
    return {
      status: "failed",
      permanent: outcome.refused === true,
      error: outcome.error,
      attempts: outcome.attempts,
    };
  }
  const retryable = isRetryableStatus(outcome.status);
  const suffix = detail ?? outcome.text.slice(0, 300);
  return {
    status: "failed",
    permanent: !retryable,
    error: `HTTP ${outcome.status}${retryable && outcome.attempts > 1 ? ` after ${outcome.attempts} attempts` : ""}${suffix ? `: ${suffix}` : ""}`,
    attempts: outcome.attempts,
  };
}

/** Joins a base URL (with or without a trailing slash or a path prefix) and an absolute API path. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}${path}`;
}
