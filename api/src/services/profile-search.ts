import {
  attributeSearchCondition,
  type Condition,
  type ProfileSearchFields,
} from "@omnijourney/shared";
import { findSegmentById } from "@omnijourney/store";
import type { ApiContext } from "../context.js";
import { AppError } from "../errors.js";

/**
 * The conditions a profile search adds to its id/email prefix: the attribute test, and the segment's
 * condition (membership now, as the segment page counts it). An unknown segment is a 400 naming the field.
 */
export const searchConditions = async (
  ctx: ApiContext,
  q: Pick<ProfileSearchFields, "attr" | "op" | "value" | "segmentId">,
): Promise<Condition[]> => {
  const conditions: Condition[] = [];
  if (q.attr) conditions.push(attributeSearchCondition(q.attr, q.op, q.value));
  if (q.segmentId) {
    const segment = await findSegmentById(ctx.db, q.segmentId);
    if (!segment)
      throw new AppError(400, "unknown_segment", `No segment has the id '${q.segmentId}'`, {
        fields: ["query.segmentId"],
      });
    // why: stored segments were validated when written
    conditions.push(segment.condition as Condition);
  }
  return conditions;
};
