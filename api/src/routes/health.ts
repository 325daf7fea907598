import { z } from "zod";
import { endpoint } from "../http/endpoint.js";
import { checkHealth } from "../services/health.js";

const Status = z.enum(["ok", "degraded"]);

const PublicHealth = z.object({ status: Status });

const HealthDetails = z.object({
  status: Status,
  failing: z.array(z.string()),
  mongo: z.object({ ok: z.boolean() }),
  temporal: z.object({ ok: z.boolean() }),
  engines: z.record(z.string(), z.unknown()),
  uptimeSeconds: z.number(),
});

/** A load balancer retries a degraded instance after this many seconds. */
const RETRY_AFTER_SECONDS = "5";

/** Liveness and readiness for load balancers: `ok` or `degraded` (503), nothing about the engines behind it. */
export const health = endpoint({
  method: "get",
  path: "/health",
  summary: "Service health: ok, or degraded (503) when MongoDB or Temporal does not answer",
  tags: ["system"],
  auth: "none",
  role: "public",
  response: PublicHealth,
  handler: async (_input, { app, res }) => {
    const { status } = await checkHealth(app);
    if (status !== "ok") res.status(503).setHeader("retry-after", RETRY_AFTER_SECONDS);
    return { status };
  },
});

/** The same checks for operators: which engine fails, and what the supervisor knows about each engine. */
export const healthDetails = endpoint({
  method: "get",
  path: "/health",
  operationId: "getHealthDetails",
  summary: "Health details: MongoDB ping, Temporal reachability and each engine's status",
  tags: ["system"],
  auth: "bearer",
  role: "viewer",
  response: HealthDetails,
  handler: async (_input, { app, res }) => {
    const report = await checkHealth(app);
    if (report.status !== "ok") res.status(503).setHeader("retry-after", RETRY_AFTER_SECONDS);
    return report;
  },
});
