import { z } from "zod";
import { api, query } from "./client.js";

const Consent = z.record(
  z.string(),
  z.looseObject({
    marketing: z.string().default("unknown"),
    transactional: z.string().default("unknown"),
    history: z
      .array(
        z.looseObject({
          category: z.string().optional(),
          status: z.string().optional(),
          source: z.string().optional(),
          at: z.string().optional(),
        }),
      )
      .default([]),
  }),
);

const ProfileRaw = z.looseObject({
  profileId: z.string().optional(),
  id: z.string().optional(),
  userId: z.string().nullish(),
  anonymousIds: z.array(z.string()).default([]),
  attributes: z.record(z.string(), z.unknown()).default({}),
  consent: Consent.default({}),
  channels: z
    .array(z.looseObject({ channel: z.string(), marketing: z.string().default("unknown") }))
    .default([]),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  timeline: z.array(z.record(z.string(), z.unknown())).default([]),
});

export type Profile = {
  id: string;
  userId: string | null;
  anonymousIds: string[];
  attributes: Record<string, unknown>;
  consent: z.infer<typeof Consent>;
  /** Channels the profile has an address on (email, phone, push, Telegram), with marketing consent. */
  channels: { channel: string; marketing: string }[];
  createdAt: string | null;
  updatedAt: string | null;
  timeline: TimelineEntry[];
};

export type TimelineEntry = {
  kind: "event" | "message" | "enrolment" | "other";
  at: string | null;
  title: string;
  detail: string;
  raw: Record<string, unknown>;
};

function str(value: unknown): string | null {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : null;
}

/** Timeline entries come in three kinds; this turns each into one line the screen can show. */
export function timelineEntry(raw: Record<string, unknown>): TimelineEntry {
  const kindText = str(raw.kind) ?? str(raw.type) ?? "";
  const kind =
    kindText === "event" || kindText === "message" || kindText === "enrolment"
      ? kindText
      : raw.event
        ? "event"
        : raw.channel
          ? "message"
          : raw.journeyId
            ? "enrolment"
            : "other";
  const at = str(raw.at) ?? str(raw.timestamp) ?? str(raw.createdAt) ?? null;
  switch (kind) {
    case "event":
      return {
        kind,
        at,
        title: str(raw.event) ?? str(raw.name) ?? "event",
        detail: raw.properties ? JSON.stringify(raw.properties) : "",
        raw,
      };
    case "message":
      return {
        kind,
        at,
        title: `${str(raw.channel) ?? "message"} · ${str(raw.status) ?? ""}`,
        detail: str(raw.journeyName) ?? str(raw.journeyId) ?? "",
        raw,
      };
    case "enrolment":
      return {
        kind,
        at,
        title: `Enrolled in ${str(raw.journeyName) ?? str(raw.journeyId) ?? "journey"}`,
        detail: str(raw.status) ?? "",
        raw,
      };
    default:
      return { kind, at, title: kindText || "entry", detail: JSON.stringify(raw), raw };
  }
}

export function parseProfile(raw: unknown): Profile {
  const p = ProfileRaw.parse(raw);
  return {
    id: p.profileId ?? p.id ?? p.userId ?? p.anonymousIds[0] ?? "",
    userId: p.userId ?? null,
    anonymousIds: p.anonymousIds,
    attributes: p.attributes,
    consent: p.consent,
    channels: p.channels.map((c) => ({ channel: c.channel, marketing: c.marketing })),
    createdAt: p.createdAt ?? null,
    updatedAt: p.updatedAt ?? null,
    timeline: p.timeline.map(timelineEntry),
  };
}

const Page = z.looseObject({
  items: z.array(z.unknown()).default([]),
  nextCursor: z.string().nullish(),
  cursor: z.string().nullish(),
});

export const profilesApi = {
  async list(
    search?: string,
    cursor?: string,
  ): Promise<{ items: Profile[]; nextCursor: string | null }> {
    const raw = await api.get(`/api/profiles${query({ query: search, cursor })}`);
    const page = Array.isArray(raw)
      ? { items: raw, nextCursor: null, cursor: null }
      : Page.parse(raw);
    return {
      items: page.items.map(parseProfile),
      nextCursor: page.nextCursor ?? page.cursor ?? null,
    };
  },
  async get(id: string): Promise<Profile> {
    return parseProfile(await api.get(`/api/profiles/${encodeURIComponent(id)}`));
  },
  async update(
    id: string,
    patch: { attributes?: Record<string, unknown>; consent?: Record<string, unknown> },
  ): Promise<void> {
    await api.patch(`/api/profiles/${encodeURIComponent(id)}`, patch);
  },
  async remove(id: string): Promise<void> {
    await api.del(`/api/profiles/${encodeURIComponent(id)}`);
  },
};
