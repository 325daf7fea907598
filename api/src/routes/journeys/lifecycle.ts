import { Journey, PublishResult, type JourneyStatus } from "@omnijourney/shared";
import { setJourneyStatus } from "@omnijourney/store";
import { endpoint } from "../../http/endpoint.js";
import { AppError } from "../../errors.js";
import { IdParams } from "../../schemas/common.js";
import { actorOf } from "../../auth.js";
import { findJourney, journeyView, publishJourney } from "../../services/journeys.js";
import { auditPublish } from "../../services/journey-versions.js";
import { tags } from "./schemas.js";

export const publish = endpoint({
  method: "post",
  path: "/journeys/:id/publish",
  summary: "Validate, compile and freeze a version; new enrolments take it",
  tags,
  auth: "bearer",
  params: IdParams,
  response: PublishResult,
  handler: async ({ params }, { req, app }) => {
    const published = await publishJourney(app, params.id);
    if (published.created)
      await auditPublish(app, params.id, published, actorOf(req, app.config.adminToken));
    return published;
  },
});

const transition = (
  action: "pause" | "resume" | "archive",
  from: JourneyStatus[],
  to: JourneyStatus,
  summary: string,
) =>
  endpoint({
    method: "post",
    path: `/journeys/:id/${action}`,
    summary,
    tags,
    auth: "bearer",
    params: IdParams,
    response: Journey,
    handler: async ({ params }, { app }) => {
      const journey = await findJourney(app, params.id);
      if (!from.includes(journey.status)) {
        throw new AppError(
          409,
          "invalid_transition",
          `Cannot ${action} a journey that is ${journey.status}`,
          { id: params.id, status: journey.status },
        );
      }
      await setJourneyStatus(app.db, params.id, to);
      app.fanout.invalidate();
      if (action === "archive") await app.runtime.cancelEnrolments({ journeyId: params.id });
      return journeyView(await findJourney(app, params.id));
    },
  });

export const pause = transition(
  "pause",
  ["live"],
  "paused",
  "Stop new enrolments (running ones continue)",
);
export const resume = transition("resume", ["paused"], "live", "Accept new enrolments again");
export const archive = transition(
  "archive",
  ["draft", "live", "paused"],
  "archived",
  "Stop the journey and cancel its running enrolments",
);
