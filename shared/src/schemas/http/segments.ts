import { z } from "zod";
import { ProfileSummary } from "./profiles.js";

/** A segment; `condition` is a `Condition`, dates are ISO 8601 strings. */
export const Segment = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    condition: z.unknown(),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: "Segment" });
/** A segment. */
export type Segment = z.infer<typeof Segment>;

/** `GET /api/segments`. */
export const SegmentList = z.object({ items: z.array(Segment) });
/** The segments list. */
export type SegmentList = z.infer<typeof SegmentList>;

/** `GET /api/segments/:id`: with its current size and the journeys that use it. */
export const SegmentDetail = Segment.extend({
  count: z.number().int(),
  usedBy: z.array(z.object({ id: z.string(), name: z.string() })),
});
/** A segment in full. */
export type SegmentDetail = z.infer<typeof SegmentDetail>;

/** `POST /api/segments/preview`: how many profiles match now, and a few of them. */
export const SegmentPreview = z.object({
  count: z.number().int(),
  sample: z.array(ProfileSummary),
});
/** A segment preview. */
export type SegmentPreview = z.infer<typeof SegmentPreview>;
