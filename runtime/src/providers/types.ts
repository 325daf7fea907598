/**
 * The one interface every channel provider implements. The send activity renders a message,
 * picks the workspace's provider for the channel and calls `send`; the provider talks to the
 * outside world and reports what happened. Providers never throw for a delivery failure: they
 * return `status: "failed"` and say whether retrying could help (`permanent`).
 */

import type { Channel, MessageCategory } from "@omnijourney/shared";

/** A Web Push subscription as the browser's `PushSubscription.toJSON()` returns it. */
export type PushSubscriptionJson = {
  endpoint: string;
  expirationTime?: number | null;
  keys: { p256dh: string; auth: string };
};

/**
 * Who receives the message, per channel: an email address, an E.164 phone number (sms, whatsapp),
 * a Telegram chat id, the profile's Web Push subscriptions (one per device), the webhook's URL,
 * or the profile id whose in-app inbox stores the message.
 */
export type RecipientFor<C extends Channel> = C extends "push"
  ? readonly PushSubscriptionJson[]
  : string;

/** Tracking data carried with every message; providers put it into headers or payloads so replies and webhooks can be matched. */
export type MessageMetadata = {
  journeyId?: string;
  nodeId?: string;
  profileId?: string;
  /** The Message document's id in our log. */
  messageId?: string;
  /** One-click unsubscribe URL (RFC 8058); required for marketing email to carry List-Unsubscribe. */
  unsubscribeUrl?: string;
};

/**
 * A rendered message ready to leave the building. `content` holds the channel's rendered fields:
 * email `subject`, `html`, `text`, optional `from`, `replyTo`; sms/whatsapp `body` (whatsapp may
 * instead name a `template` and `language`); telegram `text`, optional `parseMode`; push `title`,
 * `body`, optional `url`, `icon`; webhook optional `body` (sent verbatim) and `contentType`;
 * in-app `title`, `body`, optional `url`.
 */
export type OutgoingMessage<C extends Channel = Channel> = {
  channel: C;
  to: RecipientFor<C>;
  content: Readonly<Record<string, string>>;
  /** Stable per (enrolment, node, visit): the same key never produces two deliveries where the provider can dedupe. */
  idempotencyKey: string;
  category: MessageCategory;
  metadata: MessageMetadata;
  /**
   * Called at the provider's point of no return, just before the message is committed (SMTP: after
   * the whole body, right before the final "." of DATA, with no I/O in between when it returns
   * synchronously). The caller records there that the message has left, so a retry after a crash
   * does not send it again. If it throws, the provider aborts without delivering. Providers without
   * such a point never call it.
   */
  beforeHandOver?: () => void | Promise<void>;
};

/** Any channel's message, narrowed by `channel`. */
export type AnyOutgoingMessage = { [C in Channel]: OutgoingMessage<C> }[Channel];

export type ProviderResult = {
  status: "sent" | "failed";
  /** The provider's id for the message (SMTP Message-ID, Twilio SID, Telegram message_id, ...). */
  providerMessageId?: string;
  /** Cost reported by the provider, in its currency's major unit; absent when the provider does not report one. */
  cost?: number;
  currency?: string;
  /** For failures: true when retrying the same message cannot succeed (bad address, 4xx, blocked bot). */
  permanent?: boolean;
  error?: string;
  /** HTTP attempts made (HTTP providers only). */
  attempts?: number;
  /** Push: subscriptions the push service reported as gone (404/410); the caller should remove them from the profile. */
  expiredSubscriptions?: string[];
};

export interface ChannelProvider<C extends Channel = Channel> {
  readonly channel: C;
  /** The provider's kind as configured in settings, e.g. "smtp", "twilio", "sandbox". */
  readonly name: string;
  send(message: OutgoingMessage<C>): Promise<ProviderResult>;
  /** Releases connections (SMTP pool). Optional. */
  close?(): Promise<void>;
}

/** One provider per channel, as chosen by the workspace settings. */
export type ProviderMap = { [C in Channel]: ChannelProvider<C> };
