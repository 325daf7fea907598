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

export type WhatsAppSettings = {
  /** A system-user access token with whatsapp_business_messaging. */
  token: string;
  phoneNumberId: string;
  /** https://graph.facebook.com, or a compatible API. */
  baseUrl: string;
  /** Graph API version without the "v", e.g. "21.0". */
  apiVersion: string;
  retry?: Partial<RetryPolicy>;
};

const SendResponse = z.object({
  messaging_product: z.literal("whatsapp"),
  contacts: z.array(z.object({ input: z.string().optional(), wa_id: z.string() })).optional(),
  messages: z.array(z.object({ id: z.string() })).min(1),
});
const GraphError = z.object({
  error: z.object({
    message: z.string(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
  }),
});

/**
 * Outside the 24-hour customer service window only approved templates may be sent, so content can
 * name a `template` (with `language`, default "en"); otherwise `body` is sent as a text message.
 */
function buildPayload(message: OutgoingMessage<"whatsapp">): Record<string, unknown> | undefined {
  const to = message.to.replace(/^\+/, "");
  const { template, language, body } = message.content;
  if (template) {
    return {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type: "template",
      template: { name: template, language: { code: language ?? "en" } },
    };
  }
  if (!body) return undefined;
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to,
    type: "text",
    text: { body, preview_url: /https?:\/\//.test(body) },
    // Echoed back in status webhooks, which lets inbound handlers find our message.
    biz_opaque_callback_data: message.metadata.messageId ?? message.idempotencyKey,
  };
}

export function createWhatsAppCloudProvider(
  settings: WhatsAppSettings,
): ChannelProvider<"whatsapp"> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...settings.retry };
  const url = joinUrl(
    settings.baseUrl,
    `/v${settings.apiVersion}/${encodeURIComponent(settings.phoneNumberId)}/messages`,
  );
  return {
    channel: "whatsapp",
    name: "cloud-api",
    async send(message: OutgoingMessage<"whatsapp">): Promise<ProviderResult> {
      const payload = buildPayload(message);
      if (!payload)
        return {
          status: "failed",
          permanent: true,
          error: "whatsapp content has neither body nor template",
        };
      const outcome = await requestWithRetry(
        {
          url,
          headers: {
            authorization: `Bearer ${settings.token}`,
            "content-type": "application/json",
          },
          body: JSON.stringify(payload),
        },
        policy,
      );
      if (outcome.kind === "response" && outcome.status >= 200 && outcome.status < 300) {
        const parsed = SendResponse.safeParse(parseJson(outcome.text));
        if (!parsed.success)
          return {
            status: "failed",
            permanent: false,
            error: "unexpected WhatsApp response body",
            attempts: outcome.attempts,
          };
        const [first] = parsed.data.messages;
        return {
          status: "sent",
          ...(first ? { providerMessageId: first.id } : {}),
          attempts: outcome.attempts,
        };
      }
      const error =
        outcome.kind === "response" ? GraphError.safeParse(parseJson(outcome.text)) : undefined;
      return failureFrom(
        outcome,
        error?.success
          ? `(#${error.data.error.code ?? "?"}) ${error.data.error.message}`
          : undefined,
      );
    },
  };
}
