import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Logger } from "pino";
import { Client, Connection } from "@temporalio/client";
import { createJourneyRuntime, createLogger, type JourneyRuntime } from "@omnijourney/runtime";
import { connectStore } from "@omnijourney/store";
import { createApp } from "./app.js";
import { DEFAULT_SHUTDOWN_GRACE_MS, drain } from "./http/drain.js";
import { DEFAULT_RATE_LIMITS, type RateLimits, type TrustProxy } from "./http/rate-limits.js";
import { DEFAULT_DEADLINES, type RequestDeadlines } from "./http/deadline.js";
import type { ApiContext } from "./context.js";
import type { JourneyRuntimeApi } from "./runtime.js";
import { Fanout } from "./ingestion/fanout.js";
import { trackingLinks, trackingSecret, type TrackingLinks } from "./services/feedback.js";

export type ContextOptions = {
  mongoUri: string;
  /** Database name when the URI names none (tests use one database per file). */
  dbName?: string;
  temporalAddress: string;
  temporalNamespace?: string;
  taskQueue?: string;
  adminToken: string;
  writeKey: string;
  studioDir?: string;
  engineStatus?: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Base URL the outside world reaches the API on (tracking links); defaults to the listening URL. */
  publicUrl?: string;
  logger?: Logger;
  /** `/v1` requests per minute with the valid write key (default 60,000); the same as `rateLimits.ingestion`. */
  ingestionRateLimit?: number;
  /** Requests per minute for each limited path; unnamed ones keep `DEFAULT_RATE_LIMITS`. */
  rateLimits?: Partial<RateLimits>;
  /** Proxies whose X-Forwarded-For is believed (default: none). */
  trustProxy?: TrustProxy;
  /** How long a request waits on the engines before 503 (default `DEFAULT_DEADLINES`). */
  deadlines?: Partial<RequestDeadlines>;
  /** The journey runtime; defaults to the runtime package's `createJourneyRuntime`. */
  runtime?: JourneyRuntimeApi;
};

export type StartApiOptions = ContextOptions & {
  port: number;
  host?: string;
  /** How long `close()` lets in-flight requests finish before it cuts them (default 10 s). */
  shutdownGraceMs?: number;
};

export type RunningApi = {
  url: string;
  context: ApiContext;
  /** Links the worker puts into messages (pass `unsubscribeUrl` to the runtime's `startWorker`). */
  links: TrackingLinks;
  close(): Promise<void>;
};

/** Connects to MongoDB (indexes ensured) and Temporal and builds what routes, the outbox loop and the seed share. */
export async function createApiContext(
  options: ContextOptions,
): Promise<{ ctx: ApiContext; close(): Promise<void> }> {
  const logger =
    options.logger ?? createLogger({ name: "omnijourney-api", level: process.env.LOG_LEVEL });
  const connection = await connectStore(
    options.mongoUri,
    options.dbName ? { dbName: options.dbName } : {},
  );
  const store = connection.collections;
  const temporalConnection = await Connection.connect({ address: options.temporalAddress });
  const temporal = new Client({
    connection: temporalConnection,
    namespace: options.temporalNamespace ?? "default",
  });
  const taskQueue = options.taskQueue ?? "omnijourney";
  let owned: JourneyRuntime | null = null;
  const runtime: JourneyRuntimeApi =
    options.runtime ?? (owned = createJourneyRuntime({ temporal, models: store, taskQueue }));
  const fanout = new Fanout(store, runtime, logger.child({ component: "outbox" }));
  const ctx: ApiContext = {
    config: {
      adminToken: options.adminToken,
      writeKey: options.writeKey,
      publicUrl: options.publicUrl ?? "http://127.0.0.1:3000",
      taskQueue,
      rateLimits: {
        ...DEFAULT_RATE_LIMITS,
        ...(options.ingestionRateLimit ? { ingestion: options.ingestionRateLimit } : {}),
        ...options.rateLimits,
      },
      trustProxy: options.trustProxy ?? false,
      deadlines: { ...DEFAULT_DEADLINES, ...options.deadlines },
      ...(options.studioDir ? { studioDir: options.studioDir } : {}),
    },
    logger,
    db: store,
    runtime,
    temporal,
    fanout,
    ping: connection.ping,
    pingTemporal: async () => {
      try {
        // A deadline on the call itself, so checks against a stalled Temporal do not pile up.
        await temporalConnection.withDeadline(Date.now() + 1000, () =>
          temporalConnection.workflowService.describeNamespace({
            namespace: temporal.options.namespace,
          }),
        );
        return true;
      } catch {
        return false;
      }
    },
    ...(options.engineStatus ? { engineStatus: options.engineStatus } : {}),
  };
  return {
    ctx,
    async close() {
      await fanout.stop();
      await owned?.close();
      await temporalConnection.close();
      await connection.close();
    },
  };
}

/** Connects to MongoDB and Temporal, starts the outbox loop and serves the HTTP API (and the studio). */
export async function startApi(options: StartApiOptions): Promise<RunningApi> {
  const { ctx, close } = await createApiContext(options);
  const host = options.host ?? "127.0.0.1";
  const app = createApp(ctx);
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const address = server.address() as AddressInfo; // why: a TCP listen always reports an AddressInfo
  const url = `http://${host}:${address.port}`;
  if (!options.publicUrl) ctx.config.publicUrl = url;
  ctx.fanout.start();
  const links = trackingLinks(ctx.config.publicUrl, await trackingSecret(ctx));
  ctx.logger.info({ url }, "API listening");

  return {
    url,
    context: ctx,
    links,
    async close() {
      await drain(server, options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS);
      await close();
    },
  };
}
