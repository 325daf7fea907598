import { z } from "zod";
import { ExperimentResponse } from "@omnijourney/shared";
import { endpoint } from "../../http/endpoint.js";
import { Id } from "../../schemas/common.js";
import { experimentReport } from "../../services/experiments.js";
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
