import webpush from "web-push";
import type {
  ChannelProvider,
  OutgoingMessage,
  ProviderResult,
  PushSubscriptionJson,
} from "../types.js";
import {
  DEFAULT_RETRY_POLICY,
  failureFrom,
  requestWithRetry,
  type HttpOutcome,
  type RetryPolicy,
} from "../http-client.js";

export type WebPushSettings = {
  vapidPublicKey: string;
  vapidPrivateKey: string;
  /** `mailto:` or `https:` contact the push service can reach the sender at. */
  vapidSubject: string;
  /** How long the push service keeps an undelivered message (seconds). */
  ttlSeconds: number;
  retry?: Partial<RetryPolicy>;
};

/** What the service worker receives (`event.data.json()`). */
export type PushPayload = {
  title: string;
  body: string;
  url?: string;
  icon?: string;
  messageId?: string;
  journeyId?: string;
};

function payloadOf(message: OutgoingMessage<"push">): PushPayload {
  const { title, body, url, icon } = message.content;
  return {
    title: title ?? "",
    body: body ?? "",
    ...(url ? { url } : {}),
    ...(icon ? { icon } : {}),
    ...(message.metadata.messageId ? { messageId: message.metadata.messageId } : {}),
    ...(message.metadata.journeyId ? { journeyId: message.metadata.journeyId } : {}),
  };
}

/** Push endpoint paths identify the device; errors name only the push service's host. */
function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return "invalid endpoint";
  }
}

type DeviceOutcome = { endpoint: string; outcome: HttpOutcome };

/**
 * web-push builds the request (VAPID JWT, aes128gcm encryption of the payload); we send it with
 * the shared HTTP client so it works against any base URL (web-push's own sender is HTTPS-only)
 * and gets the same timeout and retry policy as every other provider. One message goes to every
 * device the profile subscribed; it counts as sent when at least one push service accepted it.
 */
export function createWebPushProvider(settings: WebPushSettings): ChannelProvider<"push"> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...settings.retry };
  const vapidDetails = {
    subject: settings.vapidSubject,
    publicKey: settings.vapidPublicKey,
    privateKey: settings.vapidPrivateKey,
  };

  async function sendTo(
    subscription: PushSubscriptionJson,
    payload: string,
    urgency: "high" | "normal",
  ): Promise<DeviceOutcome> {
    let details: webpush.RequestDetails;
    try {
      details = webpush.generateRequestDetails(subscription, payload, {
        vapidDetails,
        TTL: settings.ttlSeconds,
        contentEncoding: "aes128gcm",
        urgency,
      });
    } catch (error) {
      // A malformed subscription (bad keys, non-URL endpoint) can never succeed.
      return {
        endpoint: subscription.endpoint,
        outcome: {
          kind: "response",
          status: 400,
          headers: new Headers(),
          text: String(error),
          attempts: 0,
        },
      };
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(details.headers)) {
      // fetch computes Content-Length itself; web-push also sets numeric values (TTL) despite its types.
      if (name.toLowerCase() !== "content-length") headers[name] = String(value);
    }
    const outcome = await requestWithRetry(
      { url: details.endpoint, headers, body: details.body ?? new Uint8Array() },
      policy,
    );
    return { endpoint: subscription.endpoint, outcome };
  }

  return {
    channel: "push",
    name: "web-push",
    async send(message: OutgoingMessage<"push">): Promise<ProviderResult> {
      if (message.to.length === 0)
        return { status: "failed", permanent: true, error: "profile has no push subscription" };
      const payload = JSON.stringify(payloadOf(message));
      const urgency = message.category === "transactional" ? "high" : "normal";
      const results = await Promise.all(
        message.to.map((subscription) => sendTo(subscription, payload, urgency)),
      );
      const ok = (r: DeviceOutcome) =>
        r.outcome.kind === "response" && r.outcome.status >= 200 && r.outcome.status < 300;
      const expired = results
        .filter(
          (r) =>
            r.outcome.kind === "response" && (r.outcome.status === 404 || r.outcome.status === 410),
        )
        .map((r) => r.endpoint);
      const attempts = results.reduce((sum, r) => sum + r.outcome.attempts, 0);
      const delivered = results.filter(ok);
      if (delivered.length > 0) {
        // The push service names the message in Location (RFC 8030 §5).
        const ids = delivered.map(
          (r) =>
            (r.outcome.kind === "response" ? r.outcome.headers.get("location") : null) ??
            r.endpoint,
        );
        return {
          status: "sent",
          providerMessageId: ids.join(" "),
          attempts,
          ...(expired.length ? { expiredSubscriptions: expired } : {}),
        };
      }
      const failures = results.map((r) => ({ endpoint: r.endpoint, ...failureFrom(r.outcome) }));
      return {
        status: "failed",
        // Permanent only when no device could ever take it (all gone or rejected); a 5xx or timeout anywhere may pass later.
        permanent: failures.every((f) => f.permanent),
        error: failures.map((f) => `${hostOf(f.endpoint)}: ${f.error}`).join("; "),
        attempts,
        ...(expired.length ? { expiredSubscriptions: expired } : {}),
      };
    },
  };
}
