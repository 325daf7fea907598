import { z } from "zod";
import { Channel, ConsentStatus, MessageCategory } from "../channel.js";

/** A channel the profile has an address on, with its marketing consent there. */
export const ReachableChannel = z.object({ channel: Channel, marketing: z.string() });
/** A reachable channel. */
export type ReachableChannel = z.infer<typeof ReachableChannel>;

/** A profile in lists and samples; dates are ISO 8601 strings. */
export const ProfileSummary = z
  .object({
    profileId: z.string(),
    userId: z.string().nullable(),
    anonymousIds: z.array(z.string()),
    attributes: z.record(z.string(), z.unknown()),
    channels: z.array(ReachableChannel).meta({
      description: "Channels the profile has an address on, with its marketing consent there",
    }),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: "ProfileSummary" });
/** A profile summary. */
export type ProfileSummary = z.infer<typeof ProfileSummary>;

/** `GET /api/profiles`: one page, newest first. */
export const ProfilePage = z.object({
  items: z.array(ProfileSummary),
  nextCursor: z.string().nullable(),
});
/** A page of profiles. */
export type ProfilePage = z.infer<typeof ProfilePage>;

/** Consent for one channel on the wire (`StoredProfile`'s `ChannelConsent`, `at` as an ISO 8601 string). */
export const ChannelConsentView = z.object({
  marketing: ConsentStatus,
  transactional: ConsentStatus,
  history: z
    .array(
      z.object({
        category: MessageCategory,
        status: ConsentStatus,
        source: z.string(),
        at: z.string(),
      }),
    )
    .optional(),
});
/** Consent for one channel. */
export type ChannelConsentView = z.infer<typeof ChannelConsentView>;

/** A profile with its consent and event counters (`first`/`last` as ISO 8601 strings). */
export const ProfileView = ProfileSummary.extend({
  consent: z.partialRecord(Channel, ChannelConsentView),
  counters: z.record(
    z.string(),
    z.object({ count: z.number(), first: z.string().nullable(), last: z.string().nullable() }),
  ),
}).meta({ id: "Profile" });
/** A profile. */
export type ProfileView = z.infer<typeof ProfileView>;

/** One line of a profile's timeline; `at` is an ISO 8601 string. */
export const TimelineEntry = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("event"),
    at: z.string(),
    id: z.string().optional(),
    event: z.string().optional(),
    /** The Segment call type (track, identify, page, ...). */
    type: z.string().optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({
    kind: z.literal("message"),
    at: z.string(),
    id: z.string(),
    channel: z.string(),
    status: z.string(),
    journeyId: z.string().nullable(),
    nodeId: z.string().nullable(),
  }),
  z.object({
    kind: z.literal("enrolment"),
    at: z.string(),
    id: z.string(),
    journeyId: z.string(),
    version: z.number().nullable(),
    status: z.string(),
    currentNodeId: z.string().nullable(),
    /** Why it ended, when it failed or exited (a failed step's reason). */
    reason: z.string().nullable(),
  }),
]);
/** A timeline entry. */
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** `GET /api/profiles/:id`: the profile and its events, messages and enrolments, newest first. */
export const ProfileDetail = ProfileView.extend({ timeline: z.array(TimelineEntry) }).meta({
  id: "ProfileDetail",
});
/** A profile with its timeline. */
export type ProfileDetail = z.infer<typeof ProfileDetail>;

/** `DELETE /api/profiles/:id`: the erased profile and how many documents went, per collection. */
export const ProfileErased = z.object({
  erased: z.string(),
  removed: z.record(z.string(), z.number()),
});
/** An erasure answer. */
export type ProfileErased = z.infer<typeof ProfileErased>;

/** `POST /api/profiles/:id/link-tokens`: a one-time token and, given the bot's name, its deep link. */
export const LinkToken = z.object({ token: z.string(), url: z.string().nullable() });
/** A link token. */
export type LinkToken = z.infer<typeof LinkToken>;
