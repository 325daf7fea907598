import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import express, { type Express } from "express";
import { pinoHttp, stdSerializers } from "pino-http";
import { maskHeaders, maskSecrets, maskUrlForLog } from "@omnijourney/shared";
import { authenticate, hasAdminToken } from "./auth.js";
import type { ApiContext } from "./context.js";
import { errorHandler, notFoundHandler } from "./errors.js";
import { mount, type Endpoint } from "./http/endpoint.js";
import { keepRawBody } from "./http/raw-body.js";
import { requestDeadline } from "./http/deadline.js";
import { clientKey, limiter } from "./http/rate-limits.js";
import { embeddableAnywhere, securityHeaders } from "./http/security-headers.js";
import { ingestionRouter } from "./ingestion/router.js";
import { apiEndpoints, publicEndpoints } from "./routes/index.js";
import { docsRouter } from "./routes/docs.js";

/** Paths the studio never answers: the API, ingestion, tracking, webhooks and the like keep JSON errors. */
const SERVER_PATHS = /^\/(?:api|v1|t|webhooks|unsubscribe|health)(?:\/|$)/;
/** A file name (an asset) rather than a page: a missing one is a plain 404. */
const FILE_PATH = /\/[^/]+\.[a-z0-9]+$/i;

/** Studio routes (DESIGN.md) that fall back to the SPA's index.html. */
const STUDIO_ROUTES =
  /^\/(?:$|journeys(?:\/.*)?$|profiles(?:\/.*)?$|segments(?:\/.*)?$|messages\/?$|analytics\/?$|settings\/?$|login\/?$|sign-in\/?$|team\/?$|audit\/?$|approvals\/?$|invite\/?$|reset-password\/?$)/;

export const createApp = (ctx: ApiContext): Express => {
  const app = express();
  app.disable("x-powered-by");
  // X-Forwarded-For decides whose rate-limit bucket a request fills, so only configured proxies are believed.
  app.set("trust proxy", ctx.config.trustProxy);
  app.set("query parser", "simple"); // flat strings only: `?a[$gt]=` never becomes an object
  app.use(securityHeaders());
  app.use("/t", embeddableAnywhere);

  app.use(
    pinoHttp({
      logger: ctx.logger,
      genReqId: (req, res) => {
        const given = req.headers["x-request-id"];
        const id =
          typeof given === "string" && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === "/health" },
      // Credentials never reach a log line, whoever made the logger: bearer tokens, Basic write keys, cookies,
      // provider signatures and credentials in the URL are masked (right or wrong ones alike).
      serializers: {
        req: (req: ReturnType<typeof stdSerializers.req>) => ({
          ...req,
          url: maskUrlForLog(req.url),
          query: maskSecrets(req.query),
          headers: maskHeaders(req.headers),
        }),
        res: (res: ReturnType<typeof stdSerializers.res>) => ({
          ...res,
          headers: maskHeaders(res.headers),
        }),
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
    }),
  );

  app.use(requestDeadline(ctx.config.deadlines));
  app.use("/v1", ingestionRouter(ctx));

  const limits = ctx.config.rateLimits;
  const perClient = (limit: number, what: string) => limiter({ limit, key: clientKey, what });
  app.use("/t", perClient(limits.tracking, "tracking requests"));
  app.use("/unsubscribe", perClient(limits.unsubscribe, "unsubscribe requests"));
  app.use("/webhooks", perClient(limits.webhooks, "webhook calls"));

  const publicRouter = express.Router();
  publicRouter.use(express.json({ limit: "256kb", verify: keepRawBody }));
  publicRouter.use(express.urlencoded({ extended: false, limit: "64kb", verify: keepRawBody }));
  mount(publicRouter, publicEndpoints, ctx);
  app.use(publicRouter);

  app.use("/api", docsRouter(ctx));
  const api = express.Router();
  api.use(
    limiter({
      limit: limits.authFailures,
      key: clientKey,
      skip: (req) => hasAdminToken(req, ctx.config.adminToken),
      // Only refused credentials count: a signed-in team's own traffic is not throttled here.
      failed: (res) => res.statusCode === 401,
      what: "requests without valid credentials",
    }),
  );
  // Failed email-and-password sign-ins, per client address (a guessing attack meets a 429).
  api.post(
    "/sessions",
    limiter({
      limit: limits.signIn,
      key: clientKey,
      failed: (res) => res.statusCode === 401,
      what: "failed sign-ins",
    }),
  );
  const open = new Set(
    apiEndpoints
      .filter((e) => e.role === "public")
      .map((e) => `${e.method.toUpperCase()} ${e.path}`),
  );
  api.use(authenticate(ctx.db, ctx.config.adminToken, open));
  api.use(express.json({ limit: "1mb" }));
  mount(api, apiEndpoints, ctx);
  app.use("/api", api);
  app.use("/api", notFoundHandler);

  if (ctx.config.studioDir) mountStudio(app, ctx.config.studioDir);

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
};

const mountStudio = (app: Express, studioDir: string): void => {
  const index = path.join(studioDir, "index.html");
  app.use(express.static(studioDir, { index: false, maxAge: "1h" }));
  app.get(STUDIO_ROUTES, (_req, res, next) => {
    if (!fs.existsSync(index)) return next();
    res.setHeader("cache-control", "no-cache");
    res.sendFile(index);
  });
  // Any other page a browser asks for gets the studio with a 404 status: it shows its own not-found
  // screen with a way back, instead of a raw JSON error.
  app.get(/.*/, (req, res, next) => {
    if (SERVER_PATHS.test(req.path) || FILE_PATH.test(req.path) || !req.accepts("html"))
      return next();
    if (!fs.existsSync(index)) return next();
    res.status(404).setHeader("cache-control", "no-cache");
    res.sendFile(index);
  });
};

export type { Endpoint };
