import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { pino } from "pino";
import { startApi, type RunningApi, type StartApiOptions } from "../../src/server.js";
import { startWorker, type RunningWorker, type StartWorkerOptions } from "@omnijourney/runtime";
import { WORKSPACE_SETTINGS_ID } from "@omnijourney/store";
import type { RateLimits } from "../../src/http/rate-limits.js";

/**
 * Suites send many requests from one address, wrong credentials and tracking calls included (the fuzz most of
 * all), so their per-client limits are raised here; the production defaults stay as they are, and the rate-limit
 * suite passes its own.
 */
const SUITE_RATE_LIMITS: Partial<RateLimits> = {
  invalidWriteKey: 1_000_000,
  authFailures: 1_000_000,
  tracking: 1_000_000,
  unsubscribe: 1_000_000,
  webhooks: 1_000_000,
};

export const ADMIN_TOKEN = "test-admin-token";
export const WRITE_KEY = "test-write-key";

export type TestApi = RunningApi & {
  dbName: string;
  taskQueue: string;
  /** fetch against the API with the bearer token (JSON body when given). */
  api(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** fetch against /v1 with the write key as HTTP Basic user. */
  ingest(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
};

/** Starts the API on a free port against the test engines, with its own database and task queue. */
export const startTestApi = async (
  name: string,
  extra: Partial<StartApiOptions> = {},
): Promise<TestApi> => {
  const engines = inject("engines");
  const suffix = randomBytes(4).toString("hex");
  const dbName = `omnij_${name}_${suffix}`;
  const taskQueue = `api-${name}-${suffix}`;
  const running = await startApi({
    port: 0,
    mongoUri: engines.mongoUri,
    dbName,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    taskQueue,
    adminToken: ADMIN_TOKEN,
    writeKey: WRITE_KEY,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    ...extra,
    rateLimits: { ...SUITE_RATE_LIMITS, ...extra.rateLimits },
  });
  // Sends go out at once whatever the hour the suite runs at (the default quiet hours, 21:00–08:00, would defer
  // marketing messages); quiet hours are tested in the runtime's time-skipping tests.
  await running.context.db.settings.updateOne(
    { _id: WORKSPACE_SETTINGS_ID },
    { $set: { "quietHours.enabled": false } },
    { upsert: true },
  );
  const api: TestApi["api"] = (path, init = {}) =>
    fetch(`${running.url}${path}`, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...init.headers,
      },
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }),
    });
  const ingest: TestApi["ingest"] = (path, body, headers = {}) =>
    fetch(`${running.url}/v1${path}`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}`,
        "content-type": "application/json",
        ...headers,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  return { ...running, dbName, taskQueue, api, ingest };
};

/**
 * A journey worker on the test API's database and task queue, against the test engines (plugins through
 * `registry`). The caller stops it.
 */
export const startTestWorker = (
  t: TestApi,
  options: Pick<StartWorkerOptions, "registry"> = {},
): Promise<RunningWorker> => {
  const engines = inject("engines");
  return startWorker({
    mongoUri: engines.mongoUri,
    mongoDbName: t.dbName,
    temporalAddress: engines.temporalAddress,
    temporalNamespace: engines.temporalNamespace,
    smtpUrl: engines.smtpUrl,
    taskQueue: t.taskQueue,
    handleSignals: false,
    unsubscribeUrl: t.links.unsubscribeUrl,
    ...options,
  });
};

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export const eventually = async <T>(
  check: () => Promise<T | undefined | false | null>,
  timeoutMs = 20_000,
  what = "condition",
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined && v !== false && v !== null) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
};
