import type { ChannelProvider, OutgoingMessage, ProviderResult } from "../types.js";
import {
  DEFAULT_RETRY_POLICY,
  failureFrom,
  requestWithRetry,
  type RetryPolicy,
} from "../http-client.js";
import { WEBHOOK_SIGNATURE_HEADER, signWebhookPayload } from "./signature.js";

export type WebhookSettings = {
  signingSecret: string;
  timeoutMs?: number;
  maxAttempts?: number;
  backoffMs?: number;
  maxBackoffMs?: number;
  userAgent?: string;
};

/**
 * The body: the rendered `body` field verbatim when the node has one (the author wrote the JSON),
 * otherwise an envelope with the message's tracking data and its rendered fields.
 */
function buildBody(message: OutgoingMessage<"webhook">): string {
  const { body, contentType: _contentType, method: _method, ...fields } = message.content;
  if (body !== undefined) return body;
  return JSON.stringify({
    idempotencyKey: message.idempotencyKey,
    category: message.category,
    journeyId: message.metadata.journeyId,
    nodeId: message.metadata.nodeId,
    profileId: message.metadata.profileId,
    messageId: message.metadata.messageId,
    data: fields,
  });
}

/** `to` is the target URL. Every attempt is signed afresh so its timestamp stays within the receiver's tolerance. */
export function createHttpWebhookProvider(settings: WebhookSettings): ChannelProvider<"webhook"> {
  const policy: RetryPolicy = {
    ...DEFAULT_RETRY_POLICY,
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
    ...(settings.maxAttempts === undefined ? {} : { maxAttempts: settings.maxAttempts }),
    ...(settings.backoffMs === undefined ? {} : { baseDelayMs: settings.backoffMs }),
    ...(settings.maxBackoffMs === undefined ? {} : { maxDelayMs: settings.maxBackoffMs }),
  };
  return {
    channel: "webhook",
    name: "http",
    async send(message: OutgoingMessage<"webhook">): Promise<ProviderResult> {
      let target: URL;
      try {
        target = new URL(message.to);
      } catch {
        return { status: "failed", permanent: true, error: `invalid webhook URL: ${message.to}` };
      }
      if (target.protocol !== "https:" && target.protocol !== "http:") {
        return {
          status: "failed",
          permanent: true,
          error: `webhook URL must be http(s): ${target.protocol}`,
        };
      }
      const method = (message.content.method ?? "POST").toUpperCase();
      if (method !== "POST" && method !== "PUT" && method !== "PATCH") {
        return {
          status: "failed",
          permanent: true,
          error: `webhook method must be POST, PUT or PATCH: ${method}`,
        };
      }
      const body = buildBody(message);
      const headers = (): Record<string, string> => ({
        "content-type": message.content.contentType ?? "application/json",
        "user-agent": settings.userAgent ?? "Omnijourney-Webhook/1",
        "idempotency-key": message.idempotencyKey,
        [WEBHOOK_SIGNATURE_HEADER]: signWebhookPayload(
          settings.signingSecret,
          body,
          Math.floor(Date.now() / 1000),
        ),
        ...(message.metadata.messageId
          ? { "x-omnijourney-message-id": message.metadata.messageId }
          : {}),
      });
      const outcome = await requestWithRetry(
        { url: target.toString(), method, headers, body },
        policy,
      );
      if (outcome.kind === "response" && outcome.status >= 200 && outcome.status < 300) {
        return {
          status: "sent",
          attempts: outcome.attempts,
          providerMessageId: outcome.headers.get("x-request-id") ?? message.idempotencyKey,
        };
      }
      return failureFrom(outcome);
    },
  };
}
