import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  failureFrom,
  joinUrl,
  requestWithRetry,
} from "../../src/providers/http-client.js";
import { startFakeServer, type FakeServer } from "./fake-server.js";

describe("shared HTTP client", () => {
  let server: FakeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("keeps every backoff delay within [50%, 100%] of base·2^(n-1), capped at the maximum", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 20 }),
        (base, max, retry) => {
          const step = Math.min(max, base * 2 ** (retry - 1));
          const delay = backoffDelay(
            { ...DEFAULT_RETRY_POLICY, baseDelayMs: base, maxDelayMs: max },
            retry,
          );
          return delay >= Math.floor(step / 2) && delay <= step;
        },
      ),
    );
  });

  it("reports a redirect as a permanent failure instead of following it", async () => {
    server = await startFakeServer(() => ({
      status: 301,
      headers: { location: "https://elsewhere.test/" },
    }));
    const outcome = await requestWithRetry(
      { url: server.url, headers: {}, body: "{}" },
      { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1 },
    );
    expect(outcome).toMatchObject({ kind: "response", status: 301, attempts: 1 });
    expect(failureFrom(outcome)).toMatchObject({ permanent: true });
    expect(server.requests).toHaveLength(1);
  });

  it("retries 408 and 429 but not 400, 403 or 404", async () => {
    for (const [status, attempts] of [
      [408, 2],
      [429, 2],
      [400, 1],
      [403, 1],
      [404, 1],
    ] as const) {
      server = await startFakeServer(() => ({ status }));
      const outcome = await requestWithRetry(
        { url: server.url, headers: {}, body: "" },
        { ...DEFAULT_RETRY_POLICY, maxAttempts: 2, baseDelayMs: 1 },
      );
      expect(outcome, `status ${status}`).toMatchObject({ status, attempts });
      await server.close();
      server = undefined;
    }
  });

  it("calls a header function once per attempt", async () => {
    server = await startFakeServer((request, index) =>
      index === 0 ? { status: 500 } : { status: 200, body: request.headers["x-attempt"] },
    );
    let calls = 0;
    const outcome = await requestWithRetry(
      { url: server.url, headers: () => ({ "x-attempt": String(++calls) }), body: "" },
      { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1 },
    );
    expect(outcome).toMatchObject({ kind: "response", status: 200, text: "2" });
  });

  it("joins base URLs with or without trailing slashes and path prefixes", () => {
    expect(joinUrl("https://api.twilio.com/", "/2010-04-01/x")).toBe(
      "https://api.twilio.com/2010-04-01/x",
    );
    expect(joinUrl("http://127.0.0.1:8080/proxy/twilio", "/2010-04-01/x")).toBe(
      "http://127.0.0.1:8080/proxy/twilio/2010-04-01/x",
    );
  });
});
