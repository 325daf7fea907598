import {
  FINAL_MESSAGE_STATUSES,
  type Channel,
  type JourneyEvent,
  type MessageCategory,
  type ProfileSnapshot,
  type SendOutcome,
  type LinkTracking,
} from "@omnijourney/shared";
import type {
  AnyOutgoingMessage,
  MessageMetadata,
  PushSubscriptionJson,
} from "../providers/types.js";
import type { Providers as ProviderSet } from "../providers/factory.js";
import { persistently } from "@omnijourney/store";
import { quietHoursEnd, resolveTimeZone } from "../time/zoned.js";
import type { EnrolmentRef, SendPolicy } from "../workflows/types.js";
import { checkFrequencyCaps } from "./frequency-caps.js";
import type { HandOverJournal } from "./handover-journal.js";
import { renderFields, templateContext } from "./render.js";
import { utmFor } from "./utm.js";
import type { MessageWrite, RuntimeStore, StoredMessage } from "./store.js";

export type SendRequest = {
  enrolment: EnrolmentRef;
  nodeId: string;
  /** (enrolment, node, visit[, step]): the same key never sends twice. */
  idempotencyKey: string;
  channel: Channel;
  content: Record<string, string>;
  category: MessageCategory;
  event: JourneyEvent | null;
  at: Date;
  policy: SendPolicy;
  cascadeStep?: number;
  /** The step's link tracking: UTM parameters on the rendered message's links when on. */
  linkTracking?: LinkTracking;
};

export type SendDeps = {
  store: RuntimeStore;
  /** Absent in simulation: the message is rendered and recorded, never handed to a provider. */
  providers?: ProviderSet;
  /** Builds the one-click unsubscribe URL for marketing email (List-Unsubscribe). */
  unsubscribeUrl?: (input: { profileId: string; channel: Channel; messageId: string }) => string;
  /**
   * Records hand-overs at the provider's point of no return, so a send retried after a crash on this
   * host knows whether the message already left. Without it a retry may send twice.
   */
  journal?: HandOverJournal;
};

/** Channels whose marketing messages need an explicit opt-in (carrier and Meta rules); others are opt-out. */
const OPT_IN_CHANNELS: ReadonlySet<Channel> = new Set(["sms", "whatsapp"]);

/** The reason logged on a send found already handed over by an attempt that died. */
export const RECOVERED_AFTER_HANDOVER = "handed_over_before_worker_restart";

/** Whether an interrupted attempt recorded its hand-over in this worker's journal. */
function handedOverBefore(prior: StoredMessage, journal: HandOverJournal | undefined): boolean {
  return (
    prior.status === "queued" &&
    journal !== undefined &&
    prior.attemptJournal === journal.id &&
    journal.has(prior.idempotencyKey)
  );
}

const recordHandOver = (journal: HandOverJournal, key: string) => (): void => journal.record(key);

function priorOutcome(prior: StoredMessage): SendOutcome {
  const status = prior.status === "failed" || prior.status === "suppressed" ? prior.status : "sent";
  return {
    status,
    ...(prior.reason ? { reason: prior.reason } : {}),
    ...(prior.providerMessageId ? { messageId: prior.providerMessageId } : {}),
    ...(typeof prior.cost === "number" ? { cost: prior.cost } : {}),
  };
}

function isPushSubscription(value: unknown): value is PushSubscriptionJson {
  if (typeof value !== "object" || value === null) return false;
  const endpoint: unknown = Reflect.get(value, "endpoint");
  const keys: unknown = Reflect.get(value, "keys");
  return (
    typeof endpoint === "string" &&
    typeof keys === "object" &&
    keys !== null &&
    typeof Reflect.get(keys, "p256dh") === "string"
  );
}

/** The profile's address on a channel, or null (webhook addresses come from the rendered content). */
export function addressOf(
  channel: Channel,
  profile: ProfileSnapshot,
  rendered: Record<string, string>,
): string | PushSubscriptionJson[] | null {
  const a = profile.attributes;
  const text = (v: unknown) =>
    typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" ? String(v) : null;
  switch (channel) {
    case "email":
      return text(a.email);
    case "sms":
    case "whatsapp":
      return text(a.phone);
    case "telegram":
      return text(a.telegramChatId);
    case "push": {
      const subs = Array.isArray(a.pushSubscriptions)
        ? a.pushSubscriptions.filter(isPushSubscription)
        : [];
      return subs.length > 0 ? subs : null;
    }
    case "webhook":
      return text(rendered.url);
    case "inapp":
      return profile.profileId;
  }
}

/** Why the profile's consent forbids this message, or null when it allows it. */
export function consentProblem(
  channel: Channel,
  category: MessageCategory,
  profile: ProfileSnapshot,
): string | null {
  const consent = profile.consent[channel];
  if (category === "transactional") {
    // Transactional messages skip marketing consent; only an explicit transactional block stops them.
    return consent?.transactional === "unsubscribed" ? "transactional_unsubscribed" : null;
  }
  const status = consent?.marketing ?? "unknown";
  if (status === "unsubscribed") return "no_consent";
  if (OPT_IN_CHANNELS.has(channel) && status !== "subscribed") return "no_consent";
  return null;
}

/** Maps a node's rendered content fields onto what the channel's provider expects. */
function providerContent(
  channel: Channel,
  rendered: Record<string, string>,
): Record<string, string> {
  const pick = (fields: Record<string, string | undefined>) =>
    Object.fromEntries(
      Object.entries(fields).filter(
        (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "",
      ),
    );
  switch (channel) {
    case "email":
      return pick({
        subject: rendered.subject,
        html: rendered.body,
        text: rendered.body?.replace(/<[^>]+>/g, "").trim(),
        replyTo: rendered.replyTo,
      });
    case "sms":
    case "whatsapp":
      return pick({ body: rendered.text });
    case "telegram":
      return pick({ text: rendered.text });
    case "push":
    case "inapp":
      return pick({ title: rendered.title, body: rendered.body, url: rendered.url });
    case "webhook":
      return pick({
        body: rendered.body,
        method: rendered.method,
        contentType: rendered.body?.trim().startsWith("{") ? "application/json" : undefined,
      });
  }
}

function outgoing(
  channel: Channel,
  to: string | PushSubscriptionJson[],
  base: Omit<AnyOutgoingMessage, "channel" | "to">,
): AnyOutgoingMessage {
  if (channel === "push") return { ...base, channel, to: Array.isArray(to) ? to : [] };
  const address = typeof to === "string" ? to : "";
  return { ...base, channel, to: address };
}

/**
 * The one send path (message nodes, cascade steps, custom nodes through `services.send`):
 * idempotency → address and consent → quiet hours (defer) → frequency caps (skip or defer) → render
 * → provider → log with cost. Marketing only for quiet hours and caps; transactional skips both.
 */
export async function sendMessage(deps: SendDeps, req: SendRequest): Promise<SendOutcome> {
  const { store } = deps;
  const prior = await store.findMessage(req.idempotencyKey);
  if (prior && FINAL_MESSAGE_STATUSES.has(prior.status)) return priorOutcome(prior);

  const [profileOrNull, settings] = await Promise.all([
    store.getProfile(req.enrolment.profileId),
    store.getSettings(),
  ]);
  const profile: ProfileSnapshot = profileOrNull ?? {
    profileId: req.enrolment.profileId,
    anonymousIds: [],
    attributes: {},
    consent: {},
    counters: {},
    createdAt: req.at,
    updatedAt: req.at,
  };
  const base: Omit<MessageWrite, "status" | "reason"> = {
    idempotencyKey: req.idempotencyKey,
    at: req.at,
    journeyId: req.enrolment.journeyId,
    version: req.enrolment.version,
    nodeId: req.nodeId,
    workflowId: req.enrolment.workflowId,
    profileId: req.enrolment.profileId,
    channel: req.channel,
    category: req.category,
    currency: settings.currency,
    ...(req.cascadeStep !== undefined ? { cascadeStep: req.cascadeStep } : {}),
  };
  const suppress = async (reason: string): Promise<SendOutcome> => {
    await store.writeMessage({ ...base, status: "suppressed", reason, cost: 0 });
    return { status: "suppressed", reason };
  };
  const configuredCost = settings.channelCosts[req.channel] ?? 0;
  if (deps.providers && prior && handedOverBefore(prior, deps.journal)) {
    // An earlier attempt died after the provider's point of no return: the message left once
    // already, so record it as sent rather than hand it over a second time.
    const provider = deps.providers.for(req.channel).name;
    const { id } = await persistently(() =>
      store.writeMessage({
        ...base,
        status: "sent",
        reason: RECOVERED_AFTER_HANDOVER,
        provider,
        cost: configuredCost,
        sentAt: req.at,
      }),
    );
    return { status: "sent", messageId: id, cost: configuredCost };
  }
  const defer = async (until: Date, reason: string): Promise<SendOutcome> => {
    await store.writeMessage({ ...base, status: "deferred", reason });
    return { status: "deferred", reason, deferUntil: until.toISOString() };
  };

  const consent = consentProblem(req.channel, req.category, profile);
  if (consent) return suppress(consent);

  const marketing = req.category === "marketing";
  if (marketing && req.policy.respectQuietHours && settings.quietHours.enabled) {
    const zone = resolveTimeZone(profile.attributes.timezone, settings.quietHours.defaultTimezone);
    const end = quietHoursEnd(req.at, zone, settings.quietHours.start, settings.quietHours.end);
    if (end) return defer(end, "quiet_hours");
  }
  if (marketing && req.policy.frequencyCapped) {
    const verdict = await checkFrequencyCaps({
      store,
      settings,
      journeyCaps: req.policy.caps ?? [],
      profileId: profile.profileId,
      journeyId: req.enrolment.journeyId,
      channel: req.channel,
      at: req.at,
    });
    if (verdict.action === "skip") return suppress(verdict.reason);
    if (verdict.action === "defer") return defer(verdict.until, verdict.reason);
  }

  const context = templateContext({
    profile,
    event: req.event,
    journeyId: req.enrolment.journeyId,
    version: req.enrolment.version,
  });
  let rendered: Record<string, string>;
  try {
    rendered = await renderFields(req.content, context, {
      snippets: await store.getSnippets(),
      utm: await utmFor(store, req),
    });
  } catch (error) {
    await store.writeMessage({
      ...base,
      status: "failed",
      reason: `render: ${error instanceof Error ? error.message : String(error)}`,
      cost: 0,
    });
    return { status: "failed", reason: "render_error" };
  }
  const to = addressOf(req.channel, profile, rendered);
  if (to === null) return suppress("no_address");
  const toText = typeof to === "string" ? to : `${to.length} push subscription(s)`;

  // Claim the key before handing the message over, so the log shows it even if the worker dies mid-send.
  const { id } = await store.writeMessage({
    ...base,
    status: "queued",
    content: rendered,
    to: toText,
    ...(deps.journal && deps.providers ? { attemptJournal: deps.journal.id } : {}),
  });
  if (!deps.providers) {
    const cost = configuredCost;
    await store.writeMessage({
      ...base,
      status: "sent",
      content: rendered,
      to: toText,
      provider: "simulation",
      cost,
      sentAt: req.at,
    });
    return { status: "sent", messageId: id, cost };
  }
  const metadata: MessageMetadata = {
    journeyId: req.enrolment.journeyId,
    nodeId: req.nodeId,
    profileId: req.enrolment.profileId,
    messageId: id,
    ...(marketing && deps.unsubscribeUrl
      ? {
          unsubscribeUrl: deps.unsubscribeUrl({
            profileId: profile.profileId,
            channel: req.channel,
            messageId: id,
          }),
        }
      : {}),
  };
  const message = outgoing(req.channel, to, {
    content: providerContent(req.channel, rendered),
    idempotencyKey: req.idempotencyKey,
    category: req.category,
    metadata,
    ...(deps.journal ? { beforeHandOver: recordHandOver(deps.journal, req.idempotencyKey) } : {}),
  });
  const provider = deps.providers.for(req.channel).name;
  const result = await deps.providers.send(message);
  if (result.status === "failed") {
    if (!result.permanent) {
      // Transient: let Temporal retry the activity with backoff (the key stays claimed as queued).
      throw new Error(
        `${req.channel} provider ${provider} failed: ${result.error ?? "unknown error"}`,
      );
    }
    await store.writeMessage({
      ...base,
      status: "failed",
      reason: result.error ?? "provider_failed",
      provider,
      cost: 0,
    });
    return { status: "failed", reason: result.error ?? "provider_failed", messageId: id };
  }
  const cost = typeof result.cost === "number" && result.cost > 0 ? result.cost : configuredCost;
  // The provider has accepted the message: recording that must not fail on a transient database error
  // (the embedded engine answers busy writers so; store's engine/retry.ts), or the activity's retry would send it again.
  await persistently(() =>
    store.writeMessage({
      ...base,
      status: "sent",
      provider,
      cost,
      sentAt: req.at,
      ...(result.providerMessageId ? { providerMessageId: result.providerMessageId } : {}),
      ...(result.currency ? { currency: result.currency } : {}),
    }),
  );
  return { status: "sent", messageId: id, cost };
}
