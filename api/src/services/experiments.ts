import {
  experimentArms,
  experimentResults,
  type ExperimentArmsConfig,
  type ExperimentResponse,
} from "@omnijourney/shared";
import { readNodeStats } from "@omnijourney/store";
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

/** Results of a journey's experiment.split node, from the node's per-port counters (see docs/experiments.md). */
export const experimentReport = async (
  ctx: ApiContext,
  journeyId: string,
  nodeId: string,
  readout: ExperimentReadout = {},
): Promise<ExperimentResponse> => {
  const journey = await findJourney(ctx, journeyId);
  const nodes = (journey.document.nodes ?? []) as DraftNode[]; // why: stored drafts passed the document schema
  const node = nodes.find((n) => n.id === nodeId);
  if (!node || node.type !== "experiment.split") throw notFound("Experiment node", nodeId);
  const stat = await readNodeStats(ctx.db, journeyId, nodeId);
  // why: experiment.split config, read loosely like the rest of a stored draft
  const config = (node.config ?? {}) as ExperimentArmsConfig & { control?: string };
  return {
    nodeId,
    ...experimentResults({
      variants: experimentArms(config, stat ?? {}),
      ...(config.control ? { control: config.control } : {}),
      ...readout,
    }),
  };
};
