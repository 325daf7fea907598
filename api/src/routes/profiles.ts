import { z } from "zod";
import {
  Channel,
  ConsentStatus,
  escapeKey,
  ProfileDetail,
  ProfileErased,
  ProfilePage,
  ProfileSearchFields,
  ProfileView,
  checkProfileSearch,
  type ChannelConsent,
} from "@omnijourney/shared";
import { endpoint } from "../http/endpoint.js";
import {
  CursorQuery,
  IdParams,
  SafeObject,
  decodeCursor,
  encodeCursor,
} from "../schemas/common.js";
import { findProfile, profileSummary, profileView, timeline } from "../services/profiles.js";
import { searchConditions } from "../services/profile-search.js";
import { eraseProfile } from "../services/erase.js";
import { searchProfiles, updateProfile } from "@omnijourney/store";

const tags = ["profiles"];

export const listProfiles = endpoint({
  method: "get",
  path: "/profiles",
  summary:
    "Search profiles by id or email (prefix), an attribute test (attr, op, value) and segment membership (segmentId), cursor-paginated",
  tags,
  auth: "bearer",
  role: "viewer",
  query: CursorQuery.extend(ProfileSearchFields.shape).superRefine(checkProfileSearch),
  response: ProfilePage,
  handler: async ({ query }, { app }) => {
    const docs = await searchProfiles(app.db, {
      query: query.query,
      conditions: await searchConditions(app, query),
      after: decodeCursor(query.cursor),
      limit: query.limit + 1,
    });
    const page = docs.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(profileSummary),
      nextCursor: docs.length > query.limit && last ? encodeCursor(last._id) : null,
    };
  },
});

export const getProfile = endpoint({
  method: "get",
  path: "/profiles/:id",
  summary:
    "A profile: identifiers, attributes, consent, counters and a timeline of events, messages and enrolments",
  tags,
  auth: "bearer",
  role: "viewer",
  params: IdParams,
  response: ProfileDetail,
  handler: async ({ params }, { app }) => {
    const profile = await findProfile(app, params.id);
    return { ...profileView(profile), timeline: await timeline(app, profile.profileId) };
  },
});

const ConsentPatch = z.partialRecord(
  Channel,
  z.object({ marketing: ConsentStatus.optional(), transactional: ConsentStatus.optional() }),
);

export const patchProfile = endpoint({
  method: "patch",
  path: "/profiles/:id",
  summary: "Update attributes (null removes one) and consent per channel",
  tags,
  auth: "bearer",
  role: "editor",
  params: IdParams,
  body: z.object({ attributes: SafeObject.optional(), consent: ConsentPatch.optional() }).strict(),
  response: ProfileView,
  handler: async ({ params, body }, { app }) => {
    const profile = await findProfile(app, params.id);
    const now = new Date();
    const $set: Record<string, unknown> = { updatedAt: now };
    const $unset: Record<string, ""> = {};
    for (const [k, v] of Object.entries(body.attributes ?? {})) {
      if (v === null) $unset[`attributes.${escapeKey(k)}`] = "";
      else $set[`attributes.${escapeKey(k)}`] = v;
    }
    for (const [channel, change] of Object.entries(body.consent ?? {})) {
      if (!change) continue;
      const current: ChannelConsent = profile.consent?.[channel] ?? {
        marketing: "unknown",
        transactional: "unknown",
        history: [],
      };
      const history = [...(current.history ?? [])];
      const next = { ...current };
      for (const category of ["marketing", "transactional"] as const) {
        const status = change[category];
        if (status === undefined || status === current[category]) continue;
        next[category] = status;
        history.push({ category, status, source: "api", at: now });
      }
      $set[`consent.${channel}`] = { ...next, history };
    }
    await updateProfile(app.db, profile._id, { set: $set, unset: $unset });
    const updated = await findProfile(app, profile.profileId);
    await app.fanout.profilesChanged([profile.profileId]);
    return profileView(updated);
  },
});

export const deleteProfile = endpoint({
  method: "delete",
  path: "/profiles/:id",
  summary:
    "Erase the profile and everything about it (events, messages, enrolments cancelled and removed)",
  tags,
  auth: "bearer",
  role: "admin",
  params: IdParams,
  response: ProfileErased,
  handler: async ({ params }, { app }): Promise<ProfileErased> => {
    const profile = await findProfile(app, params.id);
    const removed = await eraseProfile(app, profile.profileId, profile.anonymousIds ?? []);
    return { erased: profile.profileId, removed };
  },
});

export const profileEndpoints = [listProfiles, getProfile, patchProfile, deleteProfile];
