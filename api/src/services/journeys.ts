import {
  compileJourney,
  JourneyValidationError,
  nodeTypes,
  upgradeNodeConfigs,
  validateJourney,
  Condition,
  type Journey,
  type JourneyPlan,
  type PropertyCondition,
} from "@omnijourney/shared";
import type { ApiContext } from "../context.js";
import { AppError, notFound } from "../errors.js";
import type { LiveTrigger } from "../ingestion/fanout.js";
import {
  enterSegment,
  findJourneyById,
  findSegmentById,
  freezeJourneyVersion,
  listSegmentIds,
  markJourneyLive,
  matchingProfileIds,
  type JourneyRecord,
} from "@omnijourney/store";

/** The API's view of a stored journey (a draft saved without a description stores null: left out here). */
export const journeyView = (d: JourneyRecord): Journey => ({
  id: d._id,
  name: d.name,
  description: typeof d.description === "string" ? d.description : undefined,
  status: d.status,
  liveVersion: typeof d.liveVersion === "number" ? d.liveVersion : null,
  document: d.document,
  createdAt: d.createdAt instanceof Date ? d.createdAt.toISOString() : undefined,
  updatedAt: d.updatedAt instanceof Date ? d.updatedAt.toISOString() : undefined,
  publishedAt: d.publishedAt instanceof Date ? d.publishedAt.toISOString() : undefined,
  ...(d.experimentDecisions?.length
    ? {
        experimentDecisions: d.experimentDecisions.map((e) => ({
          ...e,
          decidedAt: e.decidedAt.toISOString(),
        })),
      }
    : {}),
});

/**
 * A stored journey with its draft's nodes at their types' current versions (configs migrated by the types'
 * `migrate`), so the studio opens, and publishing compiles, what today's node types read.
 */
export const upgradedJourney = (d: JourneyRecord): JourneyRecord => ({
  ...d,
  document: upgradeNodeConfigs(d.document, nodeTypes, "first"),
});

/** A document a client sends now: its nodes without `typeVersion` are stamped with the current versions. */
export const stampedDocument = <D>(document: D): D =>
  upgradeNodeConfigs(document, nodeTypes, "current");

/** A journey by id, its draft upgraded (see `upgradedJourney`); a 404 when there is none. */
export const findJourney = async (ctx: ApiContext, id: string): Promise<JourneyRecord> => {
  const doc = await findJourneyById(ctx.db, id);
  if (!doc) throw notFound("Journey", id);
  return upgradedJourney(doc);
};

/** Compiles a journey document to its plan; a 422 with every problem when it does not validate. */
export const compileOrReject = (
  document: unknown,
  context: Parameters<typeof compileJourney>[1],
): JourneyPlan => {
  try {
    return compileJourney(document, context);
  } catch (err) {
    if (err instanceof JourneyValidationError)
      throw new AppError(422, "invalid_journey", err.message, { problems: err.problems });
    throw err;
  }
};

/** Validation context: segment references are checked against the stored segments. */
export const validationContext = async (ctx: ApiContext) => {
  const ids = new Set(await listSegmentIds(ctx.db));
  return { segmentExists: (id: string) => ids.has(id) };
};

export const validate = async (ctx: ApiContext, doc: unknown) =>
  validateJourney(stampedDocument(doc), await validationContext(ctx));

/** The trigger of a plan, denormalised on the journey so ingestion finds journeys to enrol with one query. */
export const triggerOf = (plan: JourneyPlan): LiveTrigger | null => {
  const node = plan.nodes[plan.triggerNodeId];
  if (!node) return null;
  const config = (node.config ?? {}) as Record<string, unknown>; // why: a plan's config is the node type's parsed config
  switch (node.type) {
    case "trigger.event":
      // why: the compiler parsed `where` with the PropertyCondition schema
      return {
        type: "trigger.event",
        event: String(config.event),
        ...(config.where ? { where: config.where as PropertyCondition } : {}),
      };
    case "trigger.segment":
      return { type: "trigger.segment", segmentId: String(config.segmentId) };
    case "trigger.manual":
      return { type: "trigger.manual" };
    default:
      return null;
  }
};

/**
 * Publishing freezes a version: the document is validated and compiled, the plan stored under the next
 * version number (unless the newest version has the same content hash), and new enrolments take it.
 */
export const publishJourney = async (
  ctx: ApiContext,
  id: string,
): Promise<{ version: number; hash: string; created: boolean }> => {
  const journey = await findJourney(ctx, id);
  if (journey.status === "archived")
    throw new AppError(409, "journey_archived", "An archived journey cannot be published", { id });
  return publishDocument(ctx, id, journey.document);
};

/** Publishes `document` (the draft, or a version derived from the live one) as the journey's next version. */
export const publishDocument = async (
  ctx: ApiContext,
  id: string,
  document: JourneyRecord["document"],
): Promise<{ version: number; hash: string; created: boolean }> => {
  const plan = compileOrReject(document, await validationContext(ctx));
  const frozen = await freezeJourneyVersion(ctx.db, id, plan, document);
  if ("conflict" in frozen)
    throw new AppError(
      409,
      "publish_conflict",
      "Another publish of this journey is in progress; retry",
      { id },
    );
  const { version, created } = frozen;
  const trigger = triggerOf(plan);
  await markJourneyLive(ctx.db, id, { version, trigger });
  ctx.fanout.invalidate();
  if (trigger?.type === "trigger.segment")
    void enrolExistingMembers(ctx, id, version, plan).catch((err: unknown) =>
      ctx.logger.error({ err, id }, "enrolling segment members failed"),
    );
  return { version, hash: plan.hash, created };
};

/** `trigger.segment` with `enrolExisting`: current members enter at publish (once each: membership rows are the key). */
const enrolExistingMembers = async (
  ctx: ApiContext,
  journeyId: string,
  version: number,
  plan: JourneyPlan,
): Promise<void> => {
  const node = plan.nodes[plan.triggerNodeId];
  const config = (node?.config ?? {}) as { segmentId?: string; enrolExisting?: boolean }; // why: trigger.segment's parsed config
  if (!config.segmentId || !config.enrolExisting) return;
  const segment = await findSegmentById(ctx.db, config.segmentId);
  // Stored segments were validated on write; one that no longer parses has no members to enrol.
  const condition = Condition.safeParse(segment?.condition);
  if (!condition.success) return;
  const key = { journeyId, segmentId: config.segmentId };
  for await (const profileId of matchingProfileIds(ctx.db, condition.data, new Date())) {
    if ((await enterSegment(ctx.db, key, [profileId], new Date())).length > 0)
      await ctx.runtime.enrol({ journeyId, version, profileId, event: null });
  }
};

/** Segment ids a journey document refers to (any node type's segment fields). */
export const segmentRefs = (document: unknown): string[] => {
  const nodes =
    typeof document === "object" &&
    document !== null &&
    "nodes" in document &&
    Array.isArray(document.nodes)
      ? document.nodes
      : [];
  const refs: string[] = [];
  for (const node of nodes as { type?: unknown; config?: unknown }[]) {
    // why: stored drafts passed the document schema
    const type = typeof node.type === "string" ? nodeTypes.get(node.type) : undefined;
    if (!type) continue;
    const parsed = type.config.safeParse(node.config ?? {});
    if (parsed.success) refs.push(...type.segmentsIn(parsed.data).map((r) => r.segmentId));
  }
  return refs;
};
