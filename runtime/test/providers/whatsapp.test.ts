import { afterEach, describe, expect, it } from "vitest";
import { createWhatsAppCloudProvider } from "../../src/providers/whatsapp/cloud-api.js";
import type { OutgoingMessage } from "../../src/providers/types.js";
import { startFakeServer, type FakeServer, type ReceivedRequest } from "./fake-server.js";

const TOKEN = "EAAG-test-token";
const PHONE_ID = "106540352242922";

const message: OutgoingMessage<"whatsapp"> = {
  channel: "whatsapp",
  to: "+447700900123",
  content: { body: "Your order ships today: https://shop.test/o/42" },
  idempotencyKey: "j1:p1:wa:1",
  category: "transactional",
  metadata: { journeyId: "j1", nodeId: "wa", profileId: "p1", messageId: "msg-1" },
};

/** Answers like graph.facebook.com: Graph errors on a bad token or body, else the send response. */
function graphApi(request: ReceivedRequest) {
  if (request.path !== `/v21.0/${PHONE_ID}/messages`) {
    return {
      status: 400,
      body: {
        error: { message: "Unsupported post request.", type: "GraphMethodException", code: 100 },
      },
    };
  }
  if (request.headers.authorization !== `Bearer ${TOKEN}`) {
    return {
      status: 401,
      body: {
        error: {
          message: "Invalid OAuth access token.",
          type: "OAuthException",
          code: 190,
          fbtrace_id: "A1",
        },
      },
    };
  }
  const body: unknown = JSON.parse(request.text);
  if (
    typeof body !== "object" ||
    body === null ||
    !("messaging_product" in body) ||
    body.messaging_product !== "whatsapp" ||
    !("to" in body)
  ) {
    return {
      status: 400,
      body: {
        error: { message: "(#100) The parameter messaging_product is required.", code: 100 },
      },
    };
  }
  return {
    status: 200,
    body: {
      messaging_product: "whatsapp",
      contacts: [{ input: String(body.to), wa_id: String(body.to) }],
      messages: [{ id: "wamid.HBgLNDQ3NzAwOTAwMTIzFQIAERgSQjY0QjU2RDg2OEQ0MDNBNDJFAA==" }],
    },
  };
}

describe("WhatsApp Cloud API provider", () => {
  let server: FakeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("posts a text message as JSON with the Bearer token and returns the wamid", async () => {
    server = await startFakeServer(graphApi);
    const provider = createWhatsAppCloudProvider({
      token: TOKEN,
      phoneNumberId: PHONE_ID,
      baseUrl: server.url,
      apiVersion: "21.0",
    });
    const result = await provider.send(message);

    expect(result).toMatchObject({
      status: "sent",
      providerMessageId: "wamid.HBgLNDQ3NzAwOTAwMTIzFQIAERgSQjY0QjU2RDg2OEQ0MDNBNDJFAA==",
    });
    const [request] = server.requests;
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.text ?? "")).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "447700900123",
      type: "text",
      text: { body: message.content.body, preview_url: true },
      biz_opaque_callback_data: "msg-1",
    });
  });

  it("sends an approved template when the content names one", async () => {
    server = await startFakeServer(graphApi);
    const provider = createWhatsAppCloudProvider({
      token: TOKEN,
      phoneNumberId: PHONE_ID,
      baseUrl: server.url,
      apiVersion: "21.0",
    });
    const result = await provider.send({
      ...message,
      content: { template: "order_shipped", language: "en_GB" },
    });
    expect(result.status).toBe("sent");
    expect(JSON.parse(server.requests[0]?.text ?? "")).toMatchObject({
      type: "template",
      template: { name: "order_shipped", language: { code: "en_GB" } },
    });
  });

  it("reports an invalid token as a permanent failure carrying the Graph error", async () => {
    server = await startFakeServer(graphApi);
    const provider = createWhatsAppCloudProvider({
      token: "expired",
      phoneNumberId: PHONE_ID,
      baseUrl: server.url,
      apiVersion: "21.0",
    });
    const result = await provider.send(message);
    expect(result).toMatchObject({ status: "failed", permanent: true, attempts: 1 });
    expect(result.error).toContain("(#190) Invalid OAuth access token.");
    expect(server.requests).toHaveLength(1);
  });

  it("waits for Retry-After on a 429 rate limit and then sends", async () => {
    server = await startFakeServer((request, index) =>
      index === 0
        ? {
            status: 429,
            headers: { "retry-after": "1" },
            body: { error: { message: "(#130429) Rate limit hit", code: 130429 } },
          }
        : graphApi(request),
    );
    const provider = createWhatsAppCloudProvider({
      token: TOKEN,
      phoneNumberId: PHONE_ID,
      baseUrl: server.url,
      apiVersion: "21.0",
    });
    const result = await provider.send(message);
    expect(result).toMatchObject({ status: "sent", attempts: 2 });
    const [first, second] = server.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });
});
