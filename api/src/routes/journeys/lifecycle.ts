import { Journey, PublishResult, type JourneyStatus } from "@omnijourney/shared";
import { setJourneyStatus } from "@omnijourney/store";
import { endpoint } from "../../http/endpoint.js";
import { AppError } from "../../errors.js";
import { IdParams } from "../../schemas/common.js";
import { findJourney, journeyView, publishJourney } from "../../services/journeys.js";
import { tags } from "./schemas.js";
import { recordAudit } from "../../services/audit.js";

export const publish = endpoint({
  method: "post",
  path: "/journeys/:id/publish",
  summary: "Validate, compile and freeze a version; new enrolments take it",
  tags,
  auth: "bearer",
  role: "publisher",
  params: IdParams,
  response: PublishResult,
  handler: async ({ params }, { app, req }) => {
    const before = await findJourney(app, params.id);
    const published = await publishJourney(app, params.id);
    await recordAudit(app, req, {
      action: "journey.published",
      object: { type: "journey", id: before._id, name: before.name },
      before: { status: before.status, liveVersion: before.liveVersion },
      after: { status: "live", liveVersion: published.version, version: published.version },
      details: { hash: published.hash, newVersion: published.created },
    });
    return published;
  },
});

const AUDITED = { pause: "paused", resume: "resumed", archive: "archived" } as const;

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
    role: "publisher",
    params: IdParams,
    response: Journey,
    handler: async ({ params }, { app, req }) => {
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
      await recordAudit(app, req, {
        action: `journey.${AUDITED[action]}`,
        object: { type: "journey", id: journey._id, name: journey.name },
        before: { status: journey.status },
        after: { status: to },
      });
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
