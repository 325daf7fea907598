import { afterEach, describe, expect, it } from "vitest";
import { createTwilioSmsProvider } from "../../src/providers/sms/twilio.js";
import type { OutgoingMessage } from "../../src/providers/types.js";
import { startFakeServer, type FakeServer, type ReceivedRequest } from "./fake-server.js";

const SID = "AC0123456789abcdef0123456789abcdef";
const TOKEN = "secret-auth-token";
const basic = `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`;

const message: OutgoingMessage<"sms"> = {
  channel: "sms",
  to: "+15551234567",
  content: { body: "Hi Ada, your cart misses you: https://shop.test/c/1" },
  idempotencyKey: "j1:p1:node-sms:1",
  category: "marketing",
  metadata: { journeyId: "j1", nodeId: "node-sms", profileId: "p1", messageId: "m1" },
};

/** Answers like api.twilio.com: 401 without the right Basic credentials, 400 on a missing field, else 201 with the message resource. */
function twilioApi(request: ReceivedRequest) {
  if (request.method !== "POST" || request.path !== `/2010-04-01/Accounts/${SID}/Messages.json`) {
    return {
      status: 404,
      body: { code: 20404, message: "The requested resource was not found", status: 404 },
    };
  }
  if (request.headers.authorization !== basic) {
    return {
      status: 401,
      body: {
        code: 20003,
        message: "Authenticate",
        more_info: "https://www.twilio.com/docs/errors/20003",
        status: 401,
      },
    };
  }
  const form = new URLSearchParams(request.text);
  if (
    request.headers["content-type"] !== "application/x-www-form-urlencoded" ||
    !form.get("To") ||
    !form.get("Body") ||
    !form.get("From")
  ) {
    return {
      status: 400,
      body: { code: 21604, message: "A 'To' phone number is required.", status: 400 },
    };
  }
  return {
    status: 201,
    body: {
      sid: "SM1f0e8ae6ade43cb3c0ce4525424e404f",
      account_sid: SID,
      to: form.get("To"),
      from: form.get("From"),
      body: form.get("Body"),
      status: "queued",
      num_segments: "1",
      price: "-0.00790",
      price_unit: "USD",
      date_created: "Tue, 24 Nov 2026 09:00:00 +0000",
      uri: `/2010-04-01/Accounts/${SID}/Messages/SM1f0e8ae6ade43cb3c0ce4525424e404f.json`,
    },
  };
}

describe("Twilio SMS provider", () => {
  let server: FakeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("posts To, From and Body form-encoded with Basic auth and returns the SID and price", async () => {
    server = await startFakeServer(twilioApi);
    const provider = createTwilioSmsProvider({
      accountSid: SID,
      authToken: TOKEN,
      from: "+15550001111",
      baseUrl: server.url,
    });
    const result = await provider.send(message);

    expect(result).toMatchObject({
      status: "sent",
      providerMessageId: "SM1f0e8ae6ade43cb3c0ce4525424e404f",
      cost: 0.0079,
      currency: "USD",
      attempts: 1,
    });
    expect(server.requests).toHaveLength(1);
    const form = new URLSearchParams(server.requests[0]?.text);
    expect(Object.fromEntries(form)).toEqual({
      To: "+15551234567",
      From: "+15550001111",
      Body: message.content.body,
    });
  });

  it("uses a messaging service instead of a sender number and passes the status callback", async () => {
    server = await startFakeServer((request) => {
      const form = new URLSearchParams(request.text);
      return form.get("MessagingServiceSid") === "MG123" &&
        form.get("StatusCallback") === "https://api.test/webhooks/twilio"
        ? { status: 201, body: { sid: "SM2", status: "accepted", price: null, price_unit: "USD" } }
        : { status: 400, body: { code: 21606, message: "missing service", status: 400 } };
    });
    const provider = createTwilioSmsProvider({
      accountSid: SID,
      authToken: TOKEN,
      messagingServiceSid: "MG123",
      statusCallbackUrl: "https://api.test/webhooks/twilio",
      baseUrl: server.url,
    });
    const result = await provider.send(message);
    expect(result.status).toBe("sent");
    expect(result.cost).toBeUndefined(); // price is null until the carrier reports it
  });

  it("reports wrong credentials (401) as a permanent failure without retrying", async () => {
    server = await startFakeServer(twilioApi);
    const provider = createTwilioSmsProvider({
      accountSid: SID,
      authToken: "wrong",
      from: "+15550001111",
      baseUrl: server.url,
    });
    const result = await provider.send(message);
    expect(result).toMatchObject({ status: "failed", permanent: true, attempts: 1 });
    expect(result.error).toContain("20003 Authenticate");
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 503 and succeeds on the next attempt", async () => {
    server = await startFakeServer((request, index) =>
      index === 0 ? { status: 503, body: { message: "Service Unavailable" } } : twilioApi(request),
    );
    const provider = createTwilioSmsProvider({
      accountSid: SID,
      authToken: TOKEN,
      from: "+15550001111",
      baseUrl: server.url,
      retry: { baseDelayMs: 20 },
    });
    const result = await provider.send(message);
    expect(result).toMatchObject({ status: "sent", attempts: 2 });
    expect(server.requests).toHaveLength(2);
  });

  it("gives up after the configured attempts on repeated 500s, as a retryable failure", async () => {
    server = await startFakeServer(() => ({
      status: 500,
      body: { code: 20500, message: "Internal Server Error", status: 500 },
    }));
    const provider = createTwilioSmsProvider({
      accountSid: SID,
      authToken: TOKEN,
      from: "+15550001111",
      baseUrl: server.url,
      retry: { maxAttempts: 3, baseDelayMs: 10 },
    });
    const result = await provider.send(message);
    expect(result).toMatchObject({ status: "failed", permanent: false, attempts: 3 });
    expect(result.error).toMatch(/^HTTP 500 after 3 attempts/);
    expect(server.requests).toHaveLength(3);
  });

  it("fails without sending when the content has no body", async () => {
    const provider = createTwilioSmsProvider({
      accountSid: SID,
      authToken: TOKEN,
      from: "+1",
      baseUrl: "http://127.0.0.1:9",
    });
    expect(await provider.send({ ...message, content: {} })).toMatchObject({
      status: "failed",
      permanent: true,
    });
  });
});
