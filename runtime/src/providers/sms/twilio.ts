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

export type TwilioSettings = {
  accountSid: string;
  authToken: string;
  /** Sender number (E.164) or alphanumeric sender id; `messagingServiceSid` may replace it. */
  from?: string;
  messagingServiceSid?: string;
  /** https://api.twilio.com, or any Twilio-compatible API. */
  baseUrl: string;
  /** Twilio posts delivery status changes here (our provider webhook). */
  statusCallbackUrl?: string;
  retry?: Partial<RetryPolicy>;
};

// Only the fields we use; Twilio returns many more.
const TwilioMessage = z.object({
  sid: z.string(),
  status: z.string().optional(),
  price: z.union([z.string(), z.number()]).nullish(),
  price_unit: z.string().nullish(),
});
const TwilioError = z.object({ code: z.number().optional(), message: z.string() });

/** Twilio reports price as a negative decimal string ("-0.00750") and often null until the carrier confirms. */
function parsePrice(price: string | number | null | undefined): number | undefined {
  if (price === null || price === undefined || price === "") return undefined;
  const value = Math.abs(Number(price));
  return Number.isFinite(value) ? value : undefined;
}

export function createTwilioSmsProvider(settings: TwilioSettings): ChannelProvider<"sms"> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...settings.retry };
  const url = joinUrl(
    settings.baseUrl,
    `/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`,
  );
  const authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString("base64")}`;
  return {
    channel: "sms",
    name: "twilio",
    async send(message: OutgoingMessage<"sms">): Promise<ProviderResult> {
      const body = message.content.body ?? message.content.text;
      if (!body) return { status: "failed", permanent: true, error: "sms content has no body" };
      const form = new URLSearchParams({ To: message.to, Body: body });
      if (settings.messagingServiceSid)
        form.set("MessagingServiceSid", settings.messagingServiceSid);
      if (settings.from) form.set("From", settings.from);
      if (settings.statusCallbackUrl) form.set("StatusCallback", settings.statusCallbackUrl);
      const outcome = await requestWithRetry(
        {
          url,
          headers: {
            authorization,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
          },
          body: form.toString(),
        },
        policy,
      );
      if (outcome.kind === "response" && outcome.status >= 200 && outcome.status < 300) {
        const parsed = TwilioMessage.safeParse(parseJson(outcome.text));
        if (!parsed.success)
          return {
            status: "failed",
            permanent: false,
            error: "unexpected Twilio response body",
            attempts: outcome.attempts,
          };
        const cost = parsePrice(parsed.data.price);
        return {
          status: "sent",
          providerMessageId: parsed.data.sid,
          ...(cost === undefined ? {} : { cost }),
          ...(parsed.data.price_unit ? { currency: parsed.data.price_unit } : {}),
          attempts: outcome.attempts,
        };
      }
      const error =
        outcome.kind === "response" ? TwilioError.safeParse(parseJson(outcome.text)) : undefined;
      return failureFrom(
        outcome,
        error?.success ? `${error.data.code ?? ""} ${error.data.message}`.trim() : undefined,
      );
    },
  };
}
