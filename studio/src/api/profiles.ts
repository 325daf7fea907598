import { channelLabel } from "../components/format.js";
import {
  stepFailureMessage,
  ProfileDetail,
  ProfilePage,
  type ProfileSummary,
  type ProfileView,
  type TimelineEntry as TimelineItem,
} from "@omnijourney/shared";
import { api, query, requestAs } from "./client.js";

export type Profile = {
  id: string;
  userId: string | null;
  anonymousIds: string[];
  attributes: Record<string, unknown>;
  consent: ProfileView["consent"];
  /** Channels the profile has an address on (email, phone, push, Telegram), with marketing consent. */
  channels: { channel: string; marketing: string }[];
  createdAt: string | null;
  updatedAt: string | null;
  timeline: TimelineEntry[];
};

export type TimelineEntry = {
  kind: TimelineItem["kind"];
  at: string;
  title: string;
  detail: string;
  raw: Record<string, unknown>;
};

/** Timeline entries come in three kinds; this turns each into one line the screen can show. */
export function timelineEntry(item: TimelineItem): TimelineEntry {
  switch (item.kind) {
    case "event":
      return {
        kind: "event",
        at: item.at,
        title: item.event ?? item.type ?? "event",
        detail: item.properties ? JSON.stringify(item.properties) : "",
        raw: item,
      };
    case "message":
      return {
        kind: "message",
        at: item.at,
        title: `${channelLabel(item.channel)} message · ${item.status}`,
        detail: item.journeyId ?? "",
        raw: item,
      };
    case "enrolment":
      return {
        kind: "enrolment",
        at: item.at,
        title: `Enrolled in ${item.journeyId}`,
        detail:
          item.status === "failed" && item.reason
            ? `failed: ${stepFailureMessage(item.reason)}`
            : item.status,
        raw: item,
      };
  }
}

/** The screen's profile from a summary (lists, samples) or a full profile with its timeline. */
export function toProfile(p: ProfileSummary | ProfileDetail): Profile {
  const detail = "timeline" in p ? p : null;
  return {
    id: p.profileId,
    userId: p.userId,
    anonymousIds: p.anonymousIds,
    attributes: p.attributes,
    consent: detail?.consent ?? {},
    channels: p.channels,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    timeline: detail?.timeline.map(timelineEntry) ?? [],
  };
}

export const profilesApi = {
  async list(
    search?: string,
    cursor?: string,
  ): Promise<{ items: Profile[]; nextCursor: string | null }> {
    const page = await requestAs(
      ProfilePage,
      "GET",
      `/api/profiles${query({ query: search, cursor })}`,
    );
    return { items: page.items.map(toProfile), nextCursor: page.nextCursor };
  },
  async get(id: string): Promise<Profile> {
    return toProfile(
      await requestAs(ProfileDetail, "GET", `/api/profiles/${encodeURIComponent(id)}`),
    );
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
