import {
  experimentArms,
  experimentControl,
  experimentResults,
  type ExperimentConfig,
  type ExperimentResponse,
  type VariantCounts,
} from "@omnijourney/shared";
import {
  findJourneyVersion,
  readArmCounters,
  readNodeStats,
  type JourneyRecord,
} from "@omnijourney/store";
import type { ApiContext } from "../context.js";
import { notFound } from "../errors.js";
import { findJourney } from "./journeys.js";

type DraftNode = { id: string; type: string; config?: unknown };

/** What a reader may choose about the statistics (defaults in `experimentResults`). */
export type ExperimentReadout = {
  alpha?: number;
  minimumDetectableEffect?: number;
  power?: number;
};

/** An experiment node's config as the results read it: the live version's when it has the node. */
export type ExperimentSource = { config: Partial<ExperimentConfig>; fromVersion: number | null };

/**
 * The experiment.split node's config of the journey's live version (its control and arms are what runs), else
 * of the draft (not published yet, or added since); a 404 when neither has such a node.
 */
export const experimentSource = async (
  ctx: ApiContext,
  journey: JourneyRecord,
  nodeId: string,
): Promise<ExperimentSource> => {
  if (journey.liveVersion !== null) {
    const live = await findJourneyVersion(ctx.db, journey._id, journey.liveVersion);
    const node = live?.plan.nodes[nodeId];
    if (node && node.execution !== "activity" && node.type === "experiment.split")
      return { config: node.config, fromVersion: journey.liveVersion };
  }
  const nodes = (journey.document.nodes ?? []) as DraftNode[]; // why: stored drafts passed the document schema
  const node = nodes.find((n) => n.id === nodeId);
  if (!node || node.type !== "experiment.split") throw notFound("Experiment node", nodeId);
  // why: experiment.split config of a stored draft, read loosely (it may not validate yet)
  return { config: (node.config ?? {}) as Partial<ExperimentConfig>, fromVersion: null };
};

/** What an experiment's results rest on: the control, each arm's counts, and caveats about how they were counted. */
export type ExperimentFigures = { control: string; arms: VariantCounts[]; notes: string[] };

/**
 * The arms' counts from the durable assignments (entries, and conversions in each assignment's own window),
 * summed over the versions before a declared winner's. Enrolments from before durable assignments were
 * counted by their workflows only: those counters are the fallback, with a caveat.
 */
export const experimentFigures = async (
  ctx: ApiContext,
  journey: JourneyRecord,
  nodeId: string,
  config: Partial<ExperimentConfig>,
): Promise<ExperimentFigures> => {
  const decided = journey.experimentDecisions?.filter((d) => d.nodeId === nodeId).at(-1);
  const counted = await readArmCounters(ctx.db, journey._id, nodeId, {
    ...(decided ? { beforeVersion: decided.version } : {}),
  });
  const control = experimentControl(config);
  if (counted) return { control, arms: experimentArms(config, counted), notes: [] };
  const legacy = (await readNodeStats(ctx.db, journey._id, nodeId)) ?? {};
  const notes =
    "ports" in legacy && legacy.ports
      ? [
          "These results were counted before conversions were tracked per variant: a variant's customers counted only while they were still in the journey.",
        ]
      : [];
  return { control, arms: experimentArms(config, legacy), notes };
};

/** Results of a journey's experiment.split node, from its durable arm counters (see docs/experiments.md). */
export const experimentReport = async (
  ctx: ApiContext,
  journeyId: string,
  nodeId: string,
  readout: ExperimentReadout = {},
): Promise<ExperimentResponse> => {
  const journey = await findJourney(ctx, journeyId);
  const { config } = await experimentSource(ctx, journey, nodeId);
  const figures = await experimentFigures(ctx, journey, nodeId, config);
  const results = experimentResults({
    variants: figures.arms,
    ...(figures.control ? { control: figures.control } : {}),
    ...readout,
  });
  return {
    nodeId,
    ...results,
    verdict: { ...results.verdict, caveats: [...results.verdict.caveats, ...figures.notes] },
  };
};
