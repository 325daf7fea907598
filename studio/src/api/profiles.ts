import { channelLabel } from "../components/format.js";
import {
  stepFailureMessage,
  ProfileDetail,
  ProfilePage,
  type ProfileSearchFields,
  type ProfileSummary,
  type ProfileView,
  type TimelineEntry,
} from "@omnijourney/shared";
import { api, query, requestAs } from "./client.js";

/** The screen's profile: shared's summary under `id`, with its consent and timeline lines when it is the detail. */
export type Profile = Omit<ProfileSummary, "profileId"> & {
  id: string;
  consent: ProfileView["consent"];
  timeline: TimelineLine[];
};

type Kind = TimelineEntry["kind"];
/** One timeline entry as a line on screen: what happened, when, and a detail; `raw` is the entry of its kind. */
export type TimelineLine = {
  [K in Kind]: {
    kind: K;
    at: string;
    title: string;
    detail: string;
    raw: Extract<TimelineEntry, { kind: K }>;
  };
}[Kind];

/** Timeline entries come in three kinds; this turns each into one line the screen can show. */
export function timelineEntry(item: TimelineEntry): TimelineLine {
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

/** What the Profiles search filters on (all optional; the ones given apply together). */
export type ProfileFilters = Partial<
  Pick<ProfileSearchFields, "query" | "attr" | "op" | "value" | "segmentId">
>;

async function findProfiles(
  filters: ProfileFilters,
  cursor?: string,
): Promise<{ items: Profile[]; nextCursor: string | null }> {
  const page = await requestAs(ProfilePage, "GET", `/api/profiles${query({ ...filters, cursor })}`);
  return { items: page.items.map(toProfile), nextCursor: page.nextCursor };
}

export const profilesApi = {
  /** Profiles whose id, email, phone or name starts with `search`. */
  list: (search?: string, cursor?: string) => findProfiles({ query: search }, cursor),
  /** Profiles by id/email prefix, an attribute test and segment membership. */
  find: findProfiles,
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
