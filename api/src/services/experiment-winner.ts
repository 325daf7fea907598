import type { DeclareWinnerBody, ExperimentDecision } from "@omnijourney/shared";
import {
  addExperimentDecision,
  appendAudit,
  findJourneyVersion,
  saveJourneyDraft,
  type ExperimentDecisionRecord,
  type JourneyRecord,
} from "@omnijourney/store";
import type { ApiContext } from "../context.js";
import { AppError, notFound, validationError } from "../errors.js";
import { experimentFigures, experimentSource } from "./experiments.js";
import { findJourney, publishDocument } from "./journeys.js";

type DocNode = { id?: unknown; type?: unknown; config?: unknown };
type Variant = { id?: unknown; weight?: unknown };

/**
 * The document with the experiment node sending everyone to `arm`: its weight 100, the others' 0, the holdout and
 * the control as they were (the other ports stay connected, so the document still validates). Null when the
 * document has no such node or the node no such variant.
 */
export const withWinner = (
  document: JourneyRecord["document"],
  nodeId: string,
  arm: string,
): JourneyRecord["document"] | null => {
  const nodes: unknown = document.nodes;
  if (!Array.isArray(nodes)) return null;
  let found = false;
  const next = nodes.map((raw: DocNode) => {
    if (raw.id !== nodeId || raw.type !== "experiment.split") return raw;
    // why: a stored experiment.split config (validated on publish; read loosely for a draft)
    const config = (raw.config ?? {}) as { variants?: Variant[] };
    const variants = config.variants ?? [];
    if (!variants.some((v) => v.id === arm)) return raw;
    found = true;
    return {
      ...raw,
      config: {
        ...config,
        variants: variants.map((v) => ({ ...v, weight: v.id === arm ? 100 : 0 })),
      },
    };
  });
  return found ? { ...document, nodes: next } : null;
};

/**
 * Declares `arm` the winner of a live journey's experiment: publishes a version of the live one in which the
 * split sends everyone (but the holdout) to it, carries the same change into the draft when the draft has the
 * node, and records the decision with the figures it rested on, on the journey and in the audit log.
 */
export const declareWinner = async (
  ctx: ApiContext,
  journeyId: string,
  nodeId: string,
  body: DeclareWinnerBody,
  actor: string,
): Promise<ExperimentDecision> => {
  const journey = await findJourney(ctx, journeyId);
  if (journey.status !== "live" || journey.liveVersion === null)
    throw new AppError(409, "journey_not_live", "Only a live journey's experiment can be decided", {
      id: journeyId,
    });
  if (journey.experimentDecisions?.some((d) => d.nodeId === nodeId))
    throw new AppError(409, "experiment_decided", "This experiment already has a winner", {
      id: journeyId,
      nodeId,
    });
  const source = await experimentSource(ctx, journey, nodeId);
  const live = await findJourneyVersion(ctx.db, journeyId, journey.liveVersion);
  if (!live || source.fromVersion === null) throw notFound("Experiment node", nodeId);
  const document = withWinner(live.document, nodeId, body.arm);
  if (!document)
    throw validationError([
      { path: "body.arm", code: "unknown_variant", message: `is not a variant of this experiment` },
    ]);
  const figures = await experimentFigures(ctx, journey, nodeId, source.config);
  const { version } = await publishDocument(ctx, journeyId, document);
  const draft = withWinner(journey.document, nodeId, body.arm);
  if (draft)
    await saveJourneyDraft(ctx.db, journeyId, {
      name: journey.name,
      ...(journey.description !== undefined ? { description: journey.description } : {}),
      document: draft,
    });
  const decision: ExperimentDecisionRecord = {
    nodeId,
    arm: body.arm,
    ...(body.note ? { note: body.note } : {}),
    decidedBy: actor,
    decidedAt: new Date(),
    fromVersion: source.fromVersion,
    version,
    figures: { control: figures.control, arms: figures.arms },
  };
  await addExperimentDecision(ctx.db, journeyId, decision);
  await appendAudit(ctx.db, {
    at: decision.decidedAt,
    actor,
    action: "experiment.winner_declared",
    object: { type: "journey", id: journeyId },
    before: { version: source.fromVersion },
    after: { version },
    details: { nodeId, arm: body.arm, note: body.note ?? null, figures: decision.figures },
  });
  return { ...decision, decidedAt: decision.decidedAt.toISOString() };
};
