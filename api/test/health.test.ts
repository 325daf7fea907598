import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ApiContext } from "../src/context.js";
import { startTestApi, type TestApi } from "./helpers/api.js";

let t: TestApi;
let real: Pick<ApiContext, "ping" | "pingTemporal" | "engineStatus">;

beforeAll(async () => {
  t = await startTestApi("health", {
    engineStatus: () => ({
      mongo: { mode: "embedded", address: "mongodb://127.0.0.1:1", pid: 4242, status: "up" },
    }),
  });
  const { ping, pingTemporal, engineStatus } = t.context;
  real = { ping, pingTemporal, ...(engineStatus ? { engineStatus } : {}) };
});

afterEach(() => Object.assign(t.context, real));

afterAll(async () => {
  await t?.close();
});

/** A check that never answers, as against a stalled engine. */
const never = <T>() => new Promise<T>(() => undefined);

/** GET /health and /api/health, each timed. */
const probe = async () => {
  const started = Date.now();
  const [publicRes, detailsRes] = await Promise.all([
    fetch(`${t.url}/health`),
    t.api("/api/health"),
  ]);
  return {
    ms: Date.now() - started,
    public: {
      status: publicRes.status,
      body: await publicRes.text(),
      retryAfter: publicRes.headers.get("retry-after"),
    },
    details: {
      status: detailsRes.status,
      body: (await detailsRes.json()) as Record<string, unknown>,
    },
  };
};

describe("/health", () => {
  it("says only ok to the public, and the details to the admin token", async () => {
    const { public: pub, details } = await probe();
    expect(pub.status).toBe(200);
    expect(JSON.parse(pub.body)).toEqual({ status: "ok" });
    expect(pub.body).not.toMatch(/mongodb:|pid|4242|address/);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({
      status: "ok",
      failing: [],
      mongo: { ok: true },
      temporal: { ok: true },
      engines: { mongo: { pid: 4242, status: "up" } },
    });
    expect((await fetch(`${t.url}/api/health`)).status).toBe(401);
  });

  it("reports degraded naming Temporal within a second when Temporal hangs", async () => {
    t.context.pingTemporal = never;
    const result = await probe();
    expect(result.ms).toBeLessThan(1000);
    expect(result.public.status).toBe(503);
    expect(result.public.retryAfter).toBeTruthy();
    expect(JSON.parse(result.public.body)).toEqual({ status: "degraded" });
    expect(result.details.status).toBe(503);
    expect(result.details.body).toMatchObject({
      status: "degraded",
      failing: ["temporal"],
      mongo: { ok: true },
      temporal: { ok: false },
    });
  });

  it("reports degraded naming MongoDB within a second when its ping hangs or fails", async () => {
    t.context.ping = never;
    const hanging = await probe();
    expect(hanging.ms).toBeLessThan(1000);
    expect(hanging.public.status).toBe(503);
    expect(hanging.details.body).toMatchObject({ status: "degraded", failing: ["mongo"] });

    t.context.ping = () => Promise.reject(new Error("connection refused"));
    const failing = await probe();
    expect(failing.public.status).toBe(503);
    expect(failing.details.body).toMatchObject({ failing: ["mongo"], mongo: { ok: false } });
  });

  it("answers within a second when the supervisor hangs, and names an engine it reports down", async () => {
    t.context.engineStatus = never;
    const hanging = await probe();
    expect(hanging.ms).toBeLessThan(1000);
    expect(hanging.details.body).toMatchObject({ status: "degraded", failing: ["supervisor"] });

    t.context.engineStatus = () => ({ smtp: { mode: "embedded", status: "down" } });
    const smtpDown = await probe();
    expect(smtpDown.public.status).toBe(503);
    expect(smtpDown.details.body).toMatchObject({ failing: ["smtp"] });
  });
});
