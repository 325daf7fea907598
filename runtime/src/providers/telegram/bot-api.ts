import { z } from "zod";
import type { ChannelProvider, OutgoingMessage, ProviderResult } from "../types.js";
import {
  DEFAULT_RETRY_POLICY,
  failureFrom,
  joinUrl,
  parseJson,
  requestWithRetry,
  type RetryPolicy,
} from "../http-client.js";

export type TelegramSettings = {
  botToken: string;
  /** https://api.telegram.org, or a local Bot API server. */
  baseUrl: string;
  /** Used when the message content names none. */
  defaultParseMode?: "HTML" | "MarkdownV2";
  retry?: Partial<RetryPolicy>;
};

const BotOk = z.object({
  ok: z.literal(true),
  result: z.object({
    message_id: z.number(),
    chat: z.object({ id: z.union([z.number(), z.string()]) }),
  }),
});
const BotError = z.object({
  ok: z.literal(false),
  error_code: z.number().optional(),
  description: z.string(),
});

export function createTelegramBotProvider(settings: TelegramSettings): ChannelProvider<"telegram"> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...settings.retry };
  const url = joinUrl(settings.baseUrl, `/bot${settings.botToken}/sendMessage`);
  return {
    channel: "telegram",
    name: "bot-api",
    async send(message: OutgoingMessage<"telegram">): Promise<ProviderResult> {
      const text = message.content.text ?? message.content.body;
      if (!text)
        return { status: "failed", permanent: true, error: "telegram content has no text" };
      const parseMode = message.content.parseMode ?? settings.defaultParseMode;
      const payload = {
        chat_id: message.to,
        text,
        ...(parseMode ? { parse_mode: parseMode } : {}),
      };
      const outcome = await requestWithRetry(
        { url, headers: { "content-type": "application/json" }, body: JSON.stringify(payload) },
        policy,
      );
      if (outcome.kind === "response" && outcome.status >= 200 && outcome.status < 300) {
        const parsed = BotOk.safeParse(parseJson(outcome.text));
        if (!parsed.success)
          return {
            status: "failed",
            permanent: false,
            error: "unexpected Bot API response body",
            attempts: outcome.attempts,
          };
        return {
          status: "sent",
          providerMessageId: `${parsed.data.result.chat.id}:${parsed.data.result.message_id}`,
          attempts: outcome.attempts,
        };
      }
      // The token is part of the URL, so error texts never include the URL.
      const error =
        outcome.kind === "response" ? BotError.safeParse(parseJson(outcome.text)) : undefined;
      return failureFrom(outcome, error?.success ? error.data.description : undefined);
    },
  };
}
