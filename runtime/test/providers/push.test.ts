import {
  createECDH,
  createHmac,
  createDecipheriv,
  createPublicKey,
  randomBytes,
  verify,
} from "node:crypto";
import webpush from "web-push";
import { afterEach, describe, expect, it } from "vitest";
import { createWebPushProvider, type PushPayload } from "../../src/providers/push/web-push.js";
import type { OutgoingMessage, PushSubscriptionJson } from "../../src/providers/types.js";
import { startFakeServer, type FakeServer, type ReceivedRequest } from "./fake-server.js";

const vapid = webpush.generateVAPIDKeys();
const SUBJECT = "mailto:ops@omnijourney.test";

/** A browser's side of a subscription: its P-256 key pair and auth secret (RFC 8291). */
function createDevice(endpoint: string) {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  const subscription: PushSubscriptionJson = {
    endpoint,
    expirationTime: null,
    keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") },
  };
  return { ecdh, auth, subscription };
}
type Device = ReturnType<typeof createDevice>;

const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();

/** Decrypts an aes128gcm Web Push body as the browser would (RFC 8188 + RFC 8291), written independently of web-push. */
function decrypt(body: Buffer, device: Device): string {
  const salt = body.subarray(0, 16);
  const idlen = body.readUInt8(20);
  const serverPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const ecdhSecret = device.ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([
    Buffer.from("WebPush: info\0"),
    device.ecdh.getPublicKey(),
    serverPublic,
    Buffer.from([1]),
  ]);
  const ikm = hmac(hmac(device.auth, ecdhSecret), keyInfo);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01")).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01")).subarray(0, 12);
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  expect(padded[end]).toBe(2); // the last record's padding delimiter
  return padded.subarray(0, end).toString("utf8");
}

/** Checks the VAPID header (RFC 8292): ES256 JWT signed by our key, audience = the push service origin. */
function vapidProblem(request: ReceivedRequest, origin: string): string | undefined {
  const match = /^vapid t=([^,]+), k=([A-Za-z0-9_-]+)$/.exec(
    String(request.headers.authorization ?? ""),
  );
  if (!match?.[1] || !match[2]) return "no vapid authorization";
  if (match[2] !== vapid.publicKey) return "unknown application server key";
  const [header, claims, signature] = match[1].split(".");
  if (!header || !claims || !signature) return "malformed JWT";
  const point = Buffer.from(match[2], "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33, 65).toString("base64url"),
    },
    format: "jwk",
  });
  const signed = verify(
    "sha256",
    Buffer.from(`${header}.${claims}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!signed) return "bad JWT signature";
  const payload: unknown = JSON.parse(Buffer.from(claims, "base64url").toString("utf8"));
  if (
    typeof payload !== "object" ||
    payload === null ||
    !("aud" in payload) ||
    !("exp" in payload) ||
    !("sub" in payload)
  )
    return "missing claims";
  if (payload.aud !== origin) return `wrong audience ${String(payload.aud)}`;
  if (payload.sub !== SUBJECT) return "wrong subject";
  if (typeof payload.exp !== "number" || payload.exp < Date.now() / 1000) return "expired JWT";
  return undefined;
}

const message = (
  to: PushSubscriptionJson[],
  category: "marketing" | "transactional" = "transactional",
): OutgoingMessage<"push"> => ({
  channel: "push",
  to,
  content: {
    title: "Your order shipped",
    body: "Track it here, Ada",
    url: "https://shop.test/o/42",
  },
  idempotencyKey: "j1:p1:push:1",
  category,
  metadata: { journeyId: "j1", nodeId: "push", profileId: "p1", messageId: "msg-7" },
});

const provider = () =>
  createWebPushProvider({
    vapidPublicKey: vapid.publicKey,
    vapidPrivateKey: vapid.privateKey,
    vapidSubject: SUBJECT,
    ttlSeconds: 3600,
    retry: { baseDelayMs: 10 },
  });

describe("Web Push provider", () => {
  let server: FakeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("delivers a VAPID-signed, aes128gcm-encrypted payload that the device can decrypt", async () => {
    const devices = new Map<string, Device>();
    const decrypted: PushPayload[] = [];
    server = await startFakeServer((request) => {
      const problem = vapidProblem(request, server?.url ?? "");
      if (problem) return { status: 403, body: { reason: problem } };
      const device = devices.get(request.path);
      if (!device) return { status: 404 };
      decrypted.push(JSON.parse(decrypt(request.body, device)));
      return { status: 201, headers: { location: `/m/${request.path.slice(6)}-1` } };
    });
    const device = createDevice(`${server.url}/push/device-a`);
    devices.set("/push/device-a", device);

    const result = await provider().send(message([device.subscription]));

    expect(result).toMatchObject({
      status: "sent",
      providerMessageId: "/m/device-a-1",
      attempts: 1,
    });
    expect(decrypted).toEqual([
      {
        title: "Your order shipped",
        body: "Track it here, Ada",
        url: "https://shop.test/o/42",
        messageId: "msg-7",
        journeyId: "j1",
      },
    ]);
    const [request] = server.requests;
    expect(request?.headers["content-encoding"]).toBe("aes128gcm");
    expect(request?.headers["content-type"]).toBe("application/octet-stream");
    expect(request?.headers.ttl).toBe("3600");
    expect(request?.headers.urgency).toBe("high");
  });

  it("sends marketing pushes at normal urgency", async () => {
    server = await startFakeServer(() => ({ status: 201 }));
    const device = createDevice(`${server.url}/push/device-b`);
    await provider().send(message([device.subscription], "marketing"));
    expect(server.requests[0]?.headers.urgency).toBe("normal");
  });

  it("reaches every device and reports the ones the push service says are gone", async () => {
    server = await startFakeServer((request) =>
      request.path === "/push/old-phone"
        ? { status: 410, body: "push subscription has unsubscribed or expired." }
        : { status: 201 },
    );
    const laptop = createDevice(`${server.url}/push/laptop`);
    const oldPhone = createDevice(`${server.url}/push/old-phone`);
    const result = await provider().send(message([laptop.subscription, oldPhone.subscription]));
    expect(result).toMatchObject({
      status: "sent",
      expiredSubscriptions: [oldPhone.subscription.endpoint],
    });
    expect(server.requests.map((r) => r.path).sort()).toEqual(["/push/laptop", "/push/old-phone"]);
  });

  it("fails permanently when every subscription is gone, and retryably when the push service errors", async () => {
    server = await startFakeServer((request) =>
      request.path === "/push/gone" ? { status: 410 } : { status: 503 },
    );
    const gone = createDevice(`${server.url}/push/gone`);
    const flaky = createDevice(`${server.url}/push/flaky`);

    const allGone = await provider().send(message([gone.subscription]));
    expect(allGone).toMatchObject({
      status: "failed",
      permanent: true,
      expiredSubscriptions: [gone.subscription.endpoint],
    });

    const unavailable = await provider().send(message([flaky.subscription]));
    expect(unavailable).toMatchObject({ status: "failed", permanent: false, attempts: 3 });
    expect(unavailable.error).toContain("HTTP 503");
  });

  it("fails permanently without a request when the profile has no subscription or a malformed one", async () => {
    expect(await provider().send(message([]))).toMatchObject({
      status: "failed",
      permanent: true,
      error: "profile has no push subscription",
    });
    const bad = { endpoint: "http://127.0.0.1:9/push/x", keys: { p256dh: "short", auth: "x" } };
    expect(await provider().send(message([bad]))).toMatchObject({
      status: "failed",
      permanent: true,
    });
  });
});
