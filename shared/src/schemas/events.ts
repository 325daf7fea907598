import { z } from "zod";

/** Free-form JSON object (event properties, traits, context). Prototype keys are dropped by zod's record parsing. */
export const JsonObject = z.record(z.string().max(500), z.unknown());
/** A free-form JSON object. */
export type JsonObject = z.infer<typeof JsonObject>;

/** ISO-8601 date-time string (Segment sends strings; a Date is accepted and kept). */
export const Timestamp = z.union([z.iso.datetime({ offset: true }), z.date()]);

const common = {
  messageId: z.string().min(1).max(200).optional(),
  timestamp: Timestamp.optional(),
  sentAt: Timestamp.optional(),
  receivedAt: Timestamp.optional(),
  originalTimestamp: Timestamp.optional(),
  context: JsonObject.optional(),
  integrations: JsonObject.optional(),
  userId: z.string().min(1).max(200).optional(),
  anonymousId: z.string().min(1).max(200).optional(),
};

const identified = <T extends z.ZodObject>(s: T) =>
  s.refine(
    (e: { userId?: string | undefined; anonymousId?: string | undefined }) =>
      Boolean(e.userId ?? e.anonymousId),
    {
      message: "Either userId or anonymousId is required",
      path: ["userId"],
    },
  );

/** Segment `track`. */
export const TrackEvent = identified(
  z.object({
    ...common,
    type: z.literal("track"),
    event: z.string().min(1).max(200),
    properties: JsonObject.default({}),
  }),
);
/** Segment `identify`. */
export const IdentifyEvent = identified(
  z.object({ ...common, type: z.literal("identify"), traits: JsonObject.default({}) }),
);
/** Segment `alias`: joins `previousId` (usually an anonymousId) to `userId`. */
export const AliasEvent = z.object({
  ...common,
  type: z.literal("alias"),
  previousId: z.string().min(1).max(200),
  userId: z.string().min(1).max(200),
});
/** Segment `page`. */
export const PageEvent = identified(
  z.object({
    ...common,
    type: z.literal("page"),
    name: z.string().max(200).optional(),
    category: z.string().max(200).optional(),
    properties: JsonObject.default({}),
  }),
);
/** Segment `screen`. */
export const ScreenEvent = identified(
  z.object({
    ...common,
    type: z.literal("screen"),
    name: z.string().max(200).optional(),
    category: z.string().max(200).optional(),
    properties: JsonObject.default({}),
  }),
);
/** Segment `group`. */
export const GroupEvent = identified(
  z.object({
    ...common,
    type: z.literal("group"),
    groupId: z.string().min(1).max(200),
    traits: JsonObject.default({}),
  }),
);

/** Any Segment-compatible call, tagged by `type`. */
export const SegmentEvent = z.discriminatedUnion("type", [
  TrackEvent,
  IdentifyEvent,
  AliasEvent,
  PageEvent,
  ScreenEvent,
  GroupEvent,
]);
/** Any Segment-compatible call. */
export type SegmentEvent = z.infer<typeof SegmentEvent>;
/** Segment `track`. */
export type TrackEvent = z.infer<typeof TrackEvent>;
/** Segment `identify`. */
export type IdentifyEvent = z.infer<typeof IdentifyEvent>;
/** Segment `alias`. */
export type AliasEvent = z.infer<typeof AliasEvent>;
/** Segment `page`. */
export type PageEvent = z.infer<typeof PageEvent>;
/** Segment `screen`. */
export type ScreenEvent = z.infer<typeof ScreenEvent>;
/** Segment `group`. */
export type GroupEvent = z.infer<typeof GroupEvent>;

/** The body of `POST /v1/batch`: calls carry their own `type`. */
export const SegmentBatch = z.object({
  batch: z.array(z.unknown()).max(2_500),
  context: JsonObject.optional(),
  integrations: JsonObject.optional(),
  sentAt: Timestamp.optional(),
});
/** A Segment batch body (items parsed one by one with {@link SegmentEvent}). */
export type SegmentBatch = z.infer<typeof SegmentBatch>;

/** Segment's size limits: 32 KB a call, 500 KB a batch. */
export const SEGMENT_LIMITS = { eventBytes: 32 * 1024, batchBytes: 500 * 1024 } as const;

/**
 * An event as journeys see it: the event that enrolled a profile, or one delivered to a running
 * enrolment as a signal. Page and screen calls become events named "Page Viewed" / "Screen Viewed".
 */
export const JourneyEvent = z.object({
  event: z.string().min(1).max(200),
  properties: JsonObject.default({}),
  timestamp: z.iso.datetime({ offset: true }),
  messageId: z.string().max(200).optional(),
});
/** An event inside a journey. */
export type JourneyEvent = z.infer<typeof JourneyEvent>;

/** Names of the message lifecycle events that tracking and provider webhooks emit. */
export const MESSAGE_EVENTS = {
  sent: "message_sent",
  delivered: "message_delivered",
  opened: "message_opened",
  clicked: "message_clicked",
  replied: "message_replied",
  failed: "message_failed",
} as const;
