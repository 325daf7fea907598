import { JourneyStats } from "@omnijourney/shared";
import { endpoint } from "../../http/endpoint.js";
import { IdParams } from "../../schemas/common.js";
import { findJourney } from "../../services/journeys.js";
import { journeyStats } from "../../services/journey-stats.js";
import { tags } from "./schemas.js";

export const stats = endpoint({
  method: "get",
  path: "/journeys/:id/stats",
  summary:
    "Per-node counters (pre-aggregated as enrolments move); cascade nodes add sent, responded and cost per step",
  tags,
  auth: "bearer",
  role: "viewer",
  params: IdParams,
  response: JourneyStats,
  handler: async ({ params }, { app }) => {
    await findJourney(app, params.id);
    return journeyStats(app, params.id);
  },
});
