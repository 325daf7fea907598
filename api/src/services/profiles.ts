import type { Channel } from "@omnijourney/shared";
import type { ApiContext } from "../context.js";
import { notFound } from "../errors.js";
import {
  findProfile as findStoredProfile,
  profileHistory,
  type ProfileRecord,
} from "@omnijourney/store";

/** A profile by its public id (userId, or the anonymousId of an anonymous profile), or by any of its anonymous ids. */
export const findProfile = async (ctx: ApiContext, id: string): Promise<ProfileRecord> => {
  const profile = await findStoredProfile(ctx.db, id);
  if (!profile) throw notFound("Profile", id);
  return profile;
};

const iso = (d: unknown): string | null =>
  d instanceof Date ? d.toISOString() : typeof d === "string" ? d : null;

const hasText = (v: unknown) =>
  (typeof v === "string" && v.trim() !== "") || (typeof v === "number" && Number.isFinite(v));

/**
 * The channels a profile can be reached on, from its addresses (the same attributes the send path
 * reads): email; phone for sms and whatsapp; push subscriptions; a Telegram chat id. Each carries the
 * profile's marketing consent on that channel.
 */
export const reachableChannels = (
  attributes: Record<string, unknown>,
  consent: ProfileRecord["consent"] | undefined,
): { channel: Channel; marketing: string }[] => {
  const channels: Channel[] = [];
  if (hasText(attributes.email)) channels.push("email");
  if (hasText(attributes.phone)) channels.push("sms", "whatsapp");
  const subs = attributes.pushSubscriptions;
  if (Array.isArray(subs) && subs.some((s) => typeof s === "object" && s !== null))
    channels.push("push");
  if (hasText(attributes.telegramChatId)) channels.push("telegram");
  return channels.map((channel) => ({
    channel,
    marketing: String(consent?.[channel]?.marketing ?? "unknown"),
  }));
};

export const profileSummary = (p: ProfileRecord) => ({
  profileId: p.profileId,
  userId: p.userId ?? null,
  anonymousIds: p.anonymousIds ?? [],
  attributes: p.attributes ?? {},
  channels: reachableChannels(p.attributes ?? {}, p.consent),
  createdAt: iso(p.createdAt),
  updatedAt: iso(p.updatedAt),
});

export const profileView = (p: ProfileRecord) => ({
  ...profileSummary(p),
  consent: p.consent ?? {},
  counters: Object.fromEntries(
    Object.entries(p.counters ?? {}).map(([k, c]) => [
      k,
      { count: c.count, first: iso(c.first), last: iso(c.last) },
    ]),
  ),
});

const TIMELINE_LIMIT = 200;

/** Events, messages and enrolments of a profile, newest first, in one list. */
export const timeline = async (ctx: ApiContext, profileId: string) => {
  const { events, messages, enrolments } = await profileHistory(ctx.db, profileId, TIMELINE_LIMIT);
  const items = [
    ...events.map((e) => ({
      kind: "event" as const,
      at: iso(e.timestamp) ?? "",
      id: e.messageId,
      event: e.event,
      type: e.type,
      properties: e.properties,
    })),
    ...messages.map((m) => ({
      kind: "message" as const,
      at: iso(m.createdAt) ?? "",
      id: String(m._id),
      channel: String(m.channel ?? ""),
      status: String(m.status ?? ""),
      journeyId: m.journeyId ?? null,
      nodeId: m.nodeId ?? null,
    })),
    ...enrolments.map((en) => ({
      kind: "enrolment" as const,
      at: iso(en.startedAt) ?? "",
      id: String(en.workflowId ?? en._id),
      journeyId: String(en.journeyId ?? ""),
      version: en.version ?? null,
      status: String(en.status ?? ""),
      currentNodeId: en.currentNodeId ?? null,
      reason: en.reason ?? null,
    })),
  ];
  return items
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, TIMELINE_LIMIT * 2);
};
