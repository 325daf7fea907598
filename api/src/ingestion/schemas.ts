import { z } from "zod";
import { SafeObject, storable } from "../schemas/common.js";

/** Segment's size limits: 32 KB an event, 500 KB a batch. */
export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;

const IsoDate = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .meta({ description: "ISO-8601 date-time" });
/** Segment accepts numeric user ids and stores them as strings. */
const UserId = z
  .union([storable(z.string().min(1).max(256)), z.number().finite()])
  .transform((v) => String(v))
  .meta({ description: "Your stable id for the person" });
const AnonymousId = z
  .union([storable(z.string().min(1).max(256)), z.number().finite()])
  .transform((v) => String(v));

const Common = {
  messageId: storable(z.string().min(1).max(256))
    .optional()
    .meta({ description: "De-duplication key; generated when absent" }),
  userId: UserId.optional().nullable(),
  anonymousId: AnonymousId.optional().nullable(),
  context: SafeObject.optional(),
  integrations: SafeObject.optional(),
  timestamp: IsoDate.optional(),
  originalTimestamp: IsoDate.optional(),
  sentAt: IsoDate.optional(),
  version: z.union([z.number(), z.string()]).optional(),
  writeKey: z.string().optional(),
  _metadata: SafeObject.optional(),
};

const needsIdentity = (v: { userId?: string | null; anonymousId?: string | null }) =>
  Boolean(v.userId ?? v.anonymousId);
const identityIssue = { message: "userId or anonymousId is required", path: ["userId"] };

export const TrackCall = z
  .object({
    ...Common,
    type: z.literal("track").optional(),
    event: storable(z.string().min(1).max(200)),
    properties: SafeObject.optional(),
  })
  .refine(needsIdentity, identityIssue)
  .meta({ id: "TrackCall" });
export const IdentifyCall = z
  .object({ ...Common, type: z.literal("identify").optional(), traits: SafeObject.optional() })
  .refine(needsIdentity, identityIssue)
  .meta({ id: "IdentifyCall" });
export const AliasCall = z
  .object({
    ...Common,
    type: z.literal("alias").optional(),
    previousId: AnonymousId,
    userId: UserId,
  })
  .meta({ id: "AliasCall" });
export const PageCall = z
  .object({
    ...Common,
    type: z.literal("page").optional(),
    name: storable(z.string().max(200)).optional(),
    category: storable(z.string().max(200)).optional(),
    properties: SafeObject.optional(),
  })
  .refine(needsIdentity, identityIssue)
  .meta({ id: "PageCall" });
export const ScreenCall = z
  .object({
    ...Common,
    type: z.literal("screen").optional(),
    name: storable(z.string().max(200)).optional(),
    properties: SafeObject.optional(),
  })
  .refine(needsIdentity, identityIssue)
  .meta({ id: "ScreenCall" });
export const GroupCall = z
  .object({
    ...Common,
    type: z.literal("group").optional(),
    groupId: AnonymousId,
    traits: SafeObject.optional(),
  })
  .refine(needsIdentity, identityIssue)
  .meta({ id: "GroupCall" });

export const CALLS = {
  track: TrackCall,
  identify: IdentifyCall,
  alias: AliasCall,
  page: PageCall,
  screen: ScreenCall,
  group: GroupCall,
} as const;
export type CallType = keyof typeof CALLS;
export const CALL_TYPES = Object.keys(CALLS) as CallType[]; // why: Object.keys loses the literal key type

export type Call =
  | ({ type: "track" } & z.output<typeof TrackCall>)
  | ({ type: "identify" } & z.output<typeof IdentifyCall>)
  | ({ type: "alias" } & z.output<typeof AliasCall>)
  | ({ type: "page" } & z.output<typeof PageCall>)
  | ({ type: "screen" } & z.output<typeof ScreenCall>)
  | ({ type: "group" } & z.output<typeof GroupCall>);

/** The batch envelope; each event is validated on its own so one bad event does not sink the rest. */
export const BatchCall = z
  .object({
    batch: z.array(z.record(z.string(), z.unknown())).min(1).max(2500),
    sentAt: IsoDate.optional(),
    context: SafeObject.optional(),
    integrations: SafeObject.optional(),
    writeKey: z.string().optional(),
  })
  .meta({ id: "BatchCall" });

export const IngestResult = z
  .object({
    success: z.boolean(),
    stored: z.number().int(),
    duplicates: z.number().int(),
    errors: z.array(
      z.object({
        index: z.number().int(),
        code: z.string(),
        message: z.string(),
        fields: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: "IngestResult" });
export type IngestResult = z.infer<typeof IngestResult>;
