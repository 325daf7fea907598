import { z } from "zod";
import { DeclareWinnerBody, ExperimentDecision, ExperimentResponse } from "@omnijourney/shared";
import { actorOf } from "../../auth.js";
import { endpoint } from "../../http/endpoint.js";
import { Id } from "../../schemas/common.js";
import { experimentReport } from "../../services/experiments.js";
import { declareWinner } from "../../services/experiment-winner.js";
import { tags } from "./schemas.js";

const ReadoutQuery = z.object({
  alpha: z.coerce
    .number()
    .gt(0)
    .max(0.2)
    .optional()
    .describe("Significance level, family-wise across variants (default 0.05)."),
  mde: z.coerce
    .number()
    .gt(0)
    .max(10)
    .optional()
    .describe("Minimum detectable effect as a relative lift, 0.1 = +10 % (default 0.1)."),
  power: z.coerce
    .number()
    .min(0.5)
    .lt(1)
    .optional()
    .describe("Power for the sample size (default 0.8)."),
});

export const experiment = endpoint({
  method: "get",
  path: "/journeys/:id/experiments/:nodeId",
  summary:
    "Results of an experiment.split node: rates with intervals, lift, fixed-horizon and always-valid tests, probability to beat control, sample size, sample ratio check and a verdict",
  tags,
  auth: "bearer",
  role: "viewer",
  params: z.object({ id: Id, nodeId: Id }),
  query: ReadoutQuery,
  response: ExperimentResponse,
  handler: async ({ params, query }, { app }) =>
    experimentReport(app, params.id, params.nodeId, {
      ...(query.alpha !== undefined ? { alpha: query.alpha } : {}),
      ...(query.mde !== undefined ? { minimumDetectableEffect: query.mde } : {}),
      ...(query.power !== undefined ? { power: query.power } : {}),
    }),
});

export const experimentWinner = endpoint({
  method: "post",
  path: "/journeys/:id/experiments/:nodeId/winner",
  summary:
    "Declare an experiment's winner: publishes a version sending everyone (but the holdout) to it, and records the decision with its figures",
  tags,
  auth: "bearer",
  role: "publisher",
  params: z.object({ id: Id, nodeId: Id }),
  body: DeclareWinnerBody,
  response: ExperimentDecision,
  handler: async ({ params, body }, { req, app }) =>
    declareWinner(app, params.id, params.nodeId, body, actorOf(req).actor),
});
