import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMITS, limitsFromEnv } from "../src/http/rate-limits.js";
import { startTestApi, type TestApi } from "./helpers/api.js";

const started: TestApi[] = [];
const start = async (...args: Parameters<typeof startTestApi>) => {
  const t = await startTestApi(...args);
  started.push(t);
  return t;
};
afterAll(async () => {
  await Promise.all(started.map((t) => t.close()));
});

const wrongKey = { authorization: `Basic ${Buffer.from("not-the-key:").toString("base64")}` };
const event = { userId: "limited-user", event: "Limit Probed" };

const expectThrottled = async (res: Response) => {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await res.json()).toMatchObject({
    error: { code: "rate_limited", message: expect.any(String), details: {} },
  });
};

describe("rate limits with no trusted proxy (the default)", () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await start("limits", {
      rateLimits: { invalidWriteKey: 3, authFailures: 2, tracking: 2, unsubscribe: 2, webhooks: 2 },
    });
  });

  it("throttle invalid write keys per client, with Retry-After and the error shape, but not the valid key", async () => {
    for (let i = 0; i < 3; i++)
      expect((await t.ingest("/track", event, wrongKey)).status).toBe(401);
    await expectThrottled(await t.ingest("/track", event, { authorization: "Basic bWFkZS11cDo=" }));
    expect((await t.ingest("/track", event)).status).toBe(200);
  });

  it("give a forged X-Forwarded-For no fresh bucket for wrong admin tokens", async () => {
    const wrongToken = (forwardedFor: string) =>
      fetch(`${t.url}/api/me`, {
        headers: { authorization: "Bearer wrong", "x-forwarded-for": forwardedFor },
      });
    expect((await wrongToken("10.0.0.1")).status).toBe(401);
    expect((await wrongToken("10.0.0.2")).status).toBe(401);
    await expectThrottled(await wrongToken("10.0.0.3"));
    expect((await t.api("/api/me")).status).toBe(200); // the admin token is never counted
  });

  it("limit tracking, unsubscribe and webhooks per client", async () => {
    for (const path of ["/t/o/nothing", "/unsubscribe/nothing", "/webhooks/whatsapp"]) {
      for (let i = 0; i < 2; i++)
        expect((await fetch(`${t.url}${path}`)).status, `${path} #${i + 1}`).not.toBe(429);
      await expectThrottled(
        await fetch(`${t.url}${path}`, { headers: { "x-forwarded-for": "1.2.3.4" } }),
      );
    }
  });
});

describe("rate limits behind a configured proxy", () => {
  it("key clients by X-Forwarded-For only when the proxy is trusted", async () => {
    const t = await start("limits_proxy", {
      rateLimits: { authFailures: 1 },
      trustProxy: "loopback",
    });
    const wrongToken = (forwardedFor: string) =>
      fetch(`${t.url}/api/me`, {
        headers: { authorization: "Bearer wrong", "x-forwarded-for": forwardedFor },
      });
    expect((await wrongToken("10.0.0.1")).status).toBe(401);
    await expectThrottled(await wrongToken("10.0.0.1"));
    expect((await wrongToken("10.0.0.2")).status).toBe(401);
  });
});

describe("the valid write key", () => {
  it("has one bucket of its own, whatever address the requests claim", async () => {
    const t = await start("limits_key", { rateLimits: { ingestion: 2 } });
    expect((await t.ingest("/track", event, { "x-forwarded-for": "10.0.0.1" })).status).toBe(200);
    expect((await t.ingest("/track", event, { "x-forwarded-for": "10.0.0.2" })).status).toBe(200);
    await expectThrottled(await t.ingest("/track", event, { "x-forwarded-for": "10.0.0.3" }));
  });
});

describe("limits from the environment", () => {
  it("reads every OMNIJOURNEY_RATE_LIMIT_* and OMNIJOURNEY_TRUST_PROXY", () => {
    expect(
      limitsFromEnv({
        OMNIJOURNEY_RATE_LIMIT_INGESTION: "1000",
        OMNIJOURNEY_RATE_LIMIT_INVALID_KEY: "5",
        OMNIJOURNEY_RATE_LIMIT_AUTH_FAILURES: "7",
        OMNIJOURNEY_RATE_LIMIT_TRACKING: "100",
        OMNIJOURNEY_RATE_LIMIT_UNSUBSCRIBE: "9",
        OMNIJOURNEY_RATE_LIMIT_WEBHOOKS: "11",
        OMNIJOURNEY_TRUST_PROXY: "10.0.0.0/8, 192.168.1.1",
      }),
    ).toEqual({
      rateLimits: {
        ingestion: 1000,
        invalidWriteKey: 5,
        authFailures: 7,
        tracking: 100,
        unsubscribe: 9,
        webhooks: 11,
      },
      trustProxy: "10.0.0.0/8, 192.168.1.1",
      deadlines: {},
    });
    expect(limitsFromEnv({ OMNIJOURNEY_TRUST_PROXY: "1" }).trustProxy).toBe(1);
  });

  it("trusts no proxy and keeps the defaults when nothing is set, and refuses a limit that is not a number", () => {
    expect(limitsFromEnv({})).toEqual({ rateLimits: {}, trustProxy: false, deadlines: {} });
    expect(DEFAULT_RATE_LIMITS.invalidWriteKey).toBeLessThan(DEFAULT_RATE_LIMITS.ingestion);
    expect(() => limitsFromEnv({ OMNIJOURNEY_RATE_LIMIT_TRACKING: "lots" })).toThrow(
      /OMNIJOURNEY_RATE_LIMIT_TRACKING/,
    );
    expect(() => limitsFromEnv({ OMNIJOURNEY_RATE_LIMIT_TRACKING: "0" })).toThrow();
  });
});
