import { z } from "zod";
import { DeclareWinnerBody, ExperimentDecision, ExperimentResponse } from "@omnijourney/shared";
import { actorOf } from "../../auth.js";
import { endpoint } from "../../http/endpoint.js";
import { Id } from "../../schemas/common.js";
import { experimentReport } from "../../services/experiments.js";
import { declareWinner } from "../../services/experiment-winner.js";
import { tags } from "./schemas.js";

export const experiment = endpoint({
  method: "get",
  path: "/journeys/:id/experiments/:nodeId",
  summary: "Per-variant results of an experiment.split node (conversion, uplift, significance)",
  tags,
  auth: "bearer",
  params: z.object({ id: Id, nodeId: Id }),
  response: ExperimentResponse,
  handler: async ({ params }, { app }) => experimentReport(app, params.id, params.nodeId),
});

export const experimentWinner = endpoint({
  method: "post",
  path: "/journeys/:id/experiments/:nodeId/winner",
  summary:
    "Declare an experiment's winner: publishes a version sending everyone (but the holdout) to it, and records the decision with its figures",
  tags,
  auth: "bearer",
  params: z.object({ id: Id, nodeId: Id }),
  body: DeclareWinnerBody,
  response: ExperimentDecision,
  handler: async ({ params, body }, { req, app }) =>
    declareWinner(app, params.id, params.nodeId, body, actorOf(req, app.config.adminToken)),
});
