import { z } from "zod";
import { endpoint } from "../http/endpoint.js";

const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  mongo: z.object({ ok: z.boolean() }),
  engines: z.record(z.string(), z.unknown()),
  uptimeSeconds: z.number(),
});

/** Liveness and readiness: a live MongoDB ping plus what the supervisor knows about the engines. */
export const health = endpoint({
  method: "get",
  path: "/health",
  summary: "Service health (MongoDB ping and engine status)",
  tags: ["system"],
  auth: "none",
  response: Health,
  handler: async (_input, { app, res }) => {
    const ok = await app.ping();
    if (!ok) res.status(503);
    return {
      status: ok ? "ok" : "degraded",
      mongo: { ok },
      engines: (await app.engineStatus?.()) ?? {},
      uptimeSeconds: Math.round(process.uptime()),
    };
  },
});
