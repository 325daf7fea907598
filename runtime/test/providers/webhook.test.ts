import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpWebhookProvider } from "../../src/providers/webhook/http-webhook.js";
import {
  signWebhookPayload,
  verifyWebhookSignature,
} from "../../src/providers/webhook/signature.js";
import type { OutgoingMessage } from "../../src/providers/types.js";
import {
  closedPort,
  startFakeServer,
  type FakeServer,
  type ReceivedRequest,
} from "./fake-server.js";

const SECRET = "whsec_test_0123456789abcdef";

const message = (
  url: string,
  content: Record<string, string> = { plan: "pro", firstName: "Ada" },
): OutgoingMessage<"webhook"> => ({
  channel: "webhook",
  to: url,
  content,
  idempotencyKey: "j1:p1:hook:1",
  category: "transactional",
  metadata: { journeyId: "j1", nodeId: "hook", profileId: "p1", messageId: "msg-9" },
});

/** What a receiver does: recompute the HMAC over "<t>.<raw body>" with node:crypto and compare. */
function signatureValid(request: ReceivedRequest): boolean {
  const header = String(request.headers["x-omnijourney-signature"] ?? "");
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac("sha256", SECRET).update(`${match[1]}.${request.text}`).digest("hex");
  return expected === match[2] && Math.abs(Date.now() / 1000 - Number(match[1])) < 60;
}

const receiver = (request: ReceivedRequest) =>
  signatureValid(request) ? { status: 204 } : { status: 401, body: { error: "bad signature" } };

describe("signed webhook provider", () => {
  let server: FakeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("posts a JSON envelope signed with HMAC-SHA256 over timestamp and raw body", async () => {
    server = await startFakeServer(receiver);
    const provider = createHttpWebhookProvider({ signingSecret: SECRET });
    const result = await provider.send(message(`${server.url}/hooks/omni`));

    expect(result).toMatchObject({ status: "sent", attempts: 1 });
    const [request] = server.requests;
    expect(request?.path).toBe("/hooks/omni");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["idempotency-key"]).toBe("j1:p1:hook:1");
    expect(request?.headers["x-omnijourney-message-id"]).toBe("msg-9");
    expect(JSON.parse(request?.text ?? "")).toEqual({
      idempotencyKey: "j1:p1:hook:1",
      category: "transactional",
      journeyId: "j1",
      nodeId: "hook",
      profileId: "p1",
      messageId: "msg-9",
      data: { plan: "pro", firstName: "Ada" },
    });
  });

  it("sends an author-written body verbatim, and the signature covers exactly those bytes", async () => {
    server = await startFakeServer(receiver);
    const provider = createHttpWebhookProvider({ signingSecret: SECRET });
    const body = '{"event":"upgrade","user":"Ada","note":"ünïcödé"}';
    const result = await provider.send(message(server.url, { body }));
    expect(result.status).toBe("sent");
    expect(server.requests[0]?.text).toBe(body);
  });

  it("uses the node's PUT or PATCH method and refuses methods that carry no body", async () => {
    server = await startFakeServer(receiver);
    const provider = createHttpWebhookProvider({ signingSecret: SECRET });
    const put = await provider.send(message(server.url, { body: '{"x":1}', method: "put" }));
    expect(put.status).toBe("sent");
    expect(server.requests[0]?.method).toBe("PUT");
    expect(await provider.send(message(server.url, { method: "GET" }))).toMatchObject({
      status: "failed",
      permanent: true,
    });
    expect(server.requests).toHaveLength(1);
  });

  it("is rejected by a receiver holding a different secret, and that 401 is not retried", async () => {
    server = await startFakeServer(receiver);
    const provider = createHttpWebhookProvider({
      signingSecret: "another-secret-entirely",
      maxAttempts: 4,
      backoffMs: 10,
    });
    const result = await provider.send(message(server.url));
    expect(result).toMatchObject({ status: "failed", permanent: true, attempts: 1 });
    expect(result.error).toContain("HTTP 401");
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry a 422 and marks it permanent", async () => {
    server = await startFakeServer(() => ({ status: 422, body: { error: "unknown user" } }));
    const provider = createHttpWebhookProvider({
      signingSecret: SECRET,
      maxAttempts: 4,
      backoffMs: 10,
    });
    expect(await provider.send(message(server.url))).toMatchObject({
      status: "failed",
      permanent: true,
      attempts: 1,
    });
    expect(server.requests).toHaveLength(1);
  });

  it("retries 5xx with exponentially growing delays, then fails as retryable", async () => {
    server = await startFakeServer(() => ({ status: 502, body: "Bad Gateway" }));
    const provider = createHttpWebhookProvider({
      signingSecret: SECRET,
      maxAttempts: 4,
      backoffMs: 100,
    });
    const result = await provider.send(message(server.url));
    expect(result).toMatchObject({ status: "failed", permanent: false, attempts: 4 });
    expect(server.requests).toHaveLength(4);
    // Jitter keeps each delay within [50%, 100%] of 100, 200, 400 ms.
    const gaps = server.requests.slice(1).map((r, i) => r.at - (server?.requests[i]?.at ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(45);
    expect(gaps[1]).toBeGreaterThanOrEqual(95);
    expect(gaps[2]).toBeGreaterThanOrEqual(195);
    expect(gaps[2]).toBeLessThan(1_000);
    // Every attempt is signed (and would be re-signed with a fresh timestamp).
    expect(server.requests.every(signatureValid)).toBe(true);
  });

  it("recovers when the receiver comes back after a 500", async () => {
    server = await startFakeServer((request, index) =>
      index < 2 ? { status: 500 } : receiver(request),
    );
    const provider = createHttpWebhookProvider({
      signingSecret: SECRET,
      maxAttempts: 4,
      backoffMs: 10,
    });
    expect(await provider.send(message(server.url))).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("times out a receiver that never answers, retries, then fails as retryable", async () => {
    server = await startFakeServer(() => "hang");
    const provider = createHttpWebhookProvider({
      signingSecret: SECRET,
      timeoutMs: 150,
      maxAttempts: 3,
      backoffMs: 10,
    });
    const result = await provider.send(message(server.url));
    expect(result).toMatchObject({
      status: "failed",
      permanent: false,
      attempts: 3,
      error: "timed out after 150 ms",
    });
    expect(server.requests).toHaveLength(3);
  });

  it("treats a refused connection as a retryable network failure", async () => {
    const port = await closedPort();
    const provider = createHttpWebhookProvider({
      signingSecret: SECRET,
      maxAttempts: 2,
      backoffMs: 10,
    });
    const result = await provider.send(message(`http://127.0.0.1:${port}/hook`));
    expect(result).toMatchObject({ status: "failed", permanent: false, attempts: 2 });
    expect(result.error).toContain("ECONNREFUSED");
  });

  it("refuses a URL that is not http(s) without any request", async () => {
    const provider = createHttpWebhookProvider({ signingSecret: SECRET });
    expect(await provider.send(message("ftp://example.test/x"))).toMatchObject({
      status: "failed",
      permanent: true,
    });
    expect(await provider.send(message("not a url"))).toMatchObject({
      status: "failed",
      permanent: true,
    });
  });
});

describe("verifyWebhookSignature", () => {
  const body = '{"a":1}';
  const now = 1_795_510_800;

  it("accepts its own signature within the tolerance", () => {
    expect(
      verifyWebhookSignature(SECRET, body, signWebhookPayload(SECRET, body, now), {
        nowSeconds: now + 10,
      }),
    ).toBe(true);
  });

  it("rejects a tampered body, a wrong secret, a stale timestamp and a malformed header", () => {
    const header = signWebhookPayload(SECRET, body, now);
    expect(verifyWebhookSignature(SECRET, '{"a":2}', header, { nowSeconds: now })).toBe(false);
    expect(verifyWebhookSignature("other-secret-value", body, header, { nowSeconds: now })).toBe(
      false,
    );
    expect(verifyWebhookSignature(SECRET, body, header, { nowSeconds: now + 301 })).toBe(false);
    expect(verifyWebhookSignature(SECRET, body, "v1=abc", { nowSeconds: now })).toBe(false);
    expect(verifyWebhookSignature(SECRET, body, undefined, { nowSeconds: now })).toBe(false);
  });
});
