import { afterEach, describe, expect, it } from "vitest";
import { createTelegramBotProvider } from "../../src/providers/telegram/bot-api.js";
import type { OutgoingMessage } from "../../src/providers/types.js";
import { startFakeServer, type FakeServer, type ReceivedRequest } from "./fake-server.js";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

const message: OutgoingMessage<"telegram"> = {
  channel: "telegram",
  to: "987654321",
  content: { text: "<b>Ada</b>, your trial ends tomorrow." },
  idempotencyKey: "j1:p1:tg:1",
  category: "marketing",
  metadata: { journeyId: "j1", nodeId: "tg", profileId: "p1" },
};

/** Answers like api.telegram.org: the token is in the path; chat 666 has blocked the bot. */
function botApi(request: ReceivedRequest) {
  if (request.path !== `/bot${TOKEN}/sendMessage`)
    return { status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } };
  const body: unknown = JSON.parse(request.text);
  if (typeof body !== "object" || body === null || !("chat_id" in body) || !("text" in body)) {
    return {
      status: 400,
      body: { ok: false, error_code: 400, description: "Bad Request: message text is empty" },
    };
  }
  if (body.chat_id === "666")
    return {
      status: 403,
      body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
    };
  return {
    status: 200,
    body: {
      ok: true,
      result: {
        message_id: 4711,
        from: { id: 123456789, is_bot: true, first_name: "Omni" },
        chat: { id: Number(body.chat_id), type: "private" },
        date: 1795510800,
        text: body.text,
      },
    },
  };
}

describe("Telegram Bot API provider", () => {
  let server: FakeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("posts chat_id, text and parse_mode to /bot<token>/sendMessage and returns chat and message id", async () => {
    server = await startFakeServer(botApi);
    const provider = createTelegramBotProvider({
      botToken: TOKEN,
      baseUrl: server.url,
      defaultParseMode: "HTML",
    });
    const result = await provider.send(message);
    expect(result).toMatchObject({ status: "sent", providerMessageId: "987654321:4711" });
    expect(JSON.parse(server.requests[0]?.text ?? "")).toEqual({
      chat_id: "987654321",
      text: message.content.text,
      parse_mode: "HTML",
    });
  });

  it("lets the message choose its parse mode over the default", async () => {
    server = await startFakeServer(botApi);
    const provider = createTelegramBotProvider({
      botToken: TOKEN,
      baseUrl: server.url,
      defaultParseMode: "HTML",
    });
    await provider.send({ ...message, content: { text: "*bold*", parseMode: "MarkdownV2" } });
    expect(JSON.parse(server.requests[0]?.text ?? "")).toMatchObject({ parse_mode: "MarkdownV2" });
  });

  it("reports a bot blocked by the user (403) as permanent with Telegram's description", async () => {
    server = await startFakeServer(botApi);
    const provider = createTelegramBotProvider({ botToken: TOKEN, baseUrl: server.url });
    const result = await provider.send({ ...message, to: "666" });
    expect(result).toMatchObject({
      status: "failed",
      permanent: true,
      error: "HTTP 403: Forbidden: bot was blocked by the user",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("times out a server that never answers and reports a retryable failure without the token", async () => {
    server = await startFakeServer(() => "hang");
    const provider = createTelegramBotProvider({
      botToken: TOKEN,
      baseUrl: server.url,
      retry: { timeoutMs: 200, maxAttempts: 2, baseDelayMs: 10 },
    });
    const started = Date.now();
    const result = await provider.send(message);
    expect(result).toMatchObject({
      status: "failed",
      permanent: false,
      attempts: 2,
      error: "timed out after 200 ms",
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(2);
    expect(result.error).not.toContain(TOKEN);
  });
});
