import { z } from "zod";
import {
  ConditionField,
  Segment,
  SegmentDetail,
  SegmentList,
  SegmentPreview,
  type Condition,
} from "@omnijourney/shared";
import { endpoint } from "../http/endpoint.js";
import { AppError, notFound } from "../errors.js";
import { IdParams, safe } from "../schemas/common.js";
import { segmentRefs } from "../services/journeys.js";
import { profileSummary } from "../services/profiles.js";
import type { ApiContext } from "../context.js";
import { recordAudit } from "../services/audit.js";
import {
  deleteSegmentById,
  findSegmentById,
  insertSegment,
  listSegmentRecords,
  listUnarchivedDrafts,
  newSegment,
  previewAudience,
  saveSegment,
  type SegmentRecord,
} from "@omnijourney/store";

const tags = ["segments"];
const SegmentBody = safe(
  z.object({
    name: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    condition: ConditionField,
  }),
).meta({ id: "SegmentInput" });
const view = (d: SegmentRecord): Segment => ({
  id: d._id,
  name: String(d.name ?? ""),
  description: typeof d.description === "string" ? d.description : undefined,
  condition: d.condition,
  createdAt: d.createdAt instanceof Date ? d.createdAt.toISOString() : null,
  updatedAt: d.updatedAt instanceof Date ? d.updatedAt.toISOString() : null,
});

/** What the audit log keeps of a segment: what a marketer edits. */
const audited = (s: Segment) => ({
  name: s.name,
  description: s.description ?? null,
  condition: s.condition,
});

const find = async (ctx: ApiContext, id: string) => {
  const d = await findSegmentById(ctx.db, id);
  if (!d) throw notFound("Segment", id);
  return d;
};

/** Members now: how many stored profiles the condition matches, with the newest ten. */
const preview = async (ctx: ApiContext, condition: Condition): Promise<SegmentPreview> => {
  const { count, sample } = await previewAudience(ctx.db, condition, new Date(), 10);
  return { count, sample: sample.map((p) => profileSummary(p)) };
};

export const listSegments = endpoint({
  method: "get",
  path: "/segments",
  summary: "List segments",
  tags,
  auth: "bearer",
  role: "viewer",
  response: SegmentList,
  handler: async (_i, { app }) => ({
    items: (await listSegmentRecords(app.db)).map(view),
  }),
});

export const createSegment = endpoint({
  method: "post",
  path: "/segments",
  summary: "Create a segment",
  tags,
  auth: "bearer",
  role: "editor",
  body: SegmentBody,
  response: Segment,
  status: 201,
  handler: async ({ body }, { app, req }) => {
    const doc = newSegment({
      name: body.name,
      description: body.description,
      condition: body.condition,
    });
    await insertSegment(app.db, doc);
    app.fanout.invalidate();
    await recordAudit(app, req, {
      action: "segment.created",
      object: { type: "segment", id: doc._id, name: body.name },
      after: audited(view(doc)),
    });
    return view(doc);
  },
});

export const previewSegment = endpoint({
  method: "post",
  path: "/segments/preview",
  summary: "Count and sample the profiles a condition matches now",
  tags,
  auth: "bearer",
  // A read: a viewer opening a segment sees its members the same way.
  role: "viewer",
  body: safe(z.object({ condition: ConditionField })),
  response: SegmentPreview,
  handler: async ({ body }, { app }) => preview(app, body.condition),
});

export const getSegment = endpoint({
  method: "get",
  path: "/segments/:id",
  summary: "A segment with its current size and the journeys that use it",
  tags,
  auth: "bearer",
  role: "viewer",
  params: IdParams,
  response: SegmentDetail,
  handler: async ({ params }, { app }) => {
    const d = await find(app, params.id);
    const { count } = await preview(app, d.condition as Condition); // why: stored segments were validated on write
    return { ...view(d), count, usedBy: await usedBy(app, params.id) };
  },
});

export const updateSegment = endpoint({
  method: "put",
  path: "/segments/:id",
  summary: "Replace a segment's name, description and condition",
  tags,
  auth: "bearer",
  role: "editor",
  params: IdParams,
  body: SegmentBody,
  response: Segment,
  handler: async ({ params, body }, { app, req }) => {
    const before = view(await find(app, params.id));
    await saveSegment(app.db, params.id, {
      name: body.name,
      description: body.description,
      condition: body.condition,
    });
    app.fanout.invalidate();
    const after = view(await find(app, params.id));
    await recordAudit(app, req, {
      action: "segment.updated",
      object: { type: "segment", id: params.id, name: after.name },
      before: audited(before),
      after: audited(after),
    });
    return after;
  },
});

/** Journeys (drafts and published versions of non-archived journeys) that refer to the segment. */
const usedBy = async (ctx: ApiContext, segmentId: string) => {
  const journeys = await listUnarchivedDrafts(ctx.db);
  return journeys
    .filter((j) => segmentRefs(j.document).includes(segmentId))
    .map((j) => ({ id: j._id, name: String(j.name ?? "") }));
};

export const deleteSegment = endpoint({
  method: "delete",
  path: "/segments/:id",
  summary: "Delete a segment no journey refers to",
  tags,
  auth: "bearer",
  role: "editor",
  params: IdParams,
  handler: async ({ params }, { app, req }) => {
    const before = view(await find(app, params.id));
    const users = await usedBy(app, params.id);
    if (users.length > 0) {
      throw new AppError(
        409,
        "segment_in_use",
        `The segment is used by ${users.map((u) => u.name).join(", ")}`,
        { journeys: users },
      );
    }
    await deleteSegmentById(app.db, params.id);
    await recordAudit(app, req, {
      action: "segment.deleted",
      object: { type: "segment", id: params.id, name: before.name },
      before: audited(before),
    });
    return undefined;
  },
});

export const segmentEndpoints = [
  listSegments,
  createSegment,
  previewSegment,
  getSegment,
  updateSegment,
  deleteSegment,
];
