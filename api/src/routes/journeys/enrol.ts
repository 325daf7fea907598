import { z } from "zod";
import { EnrolResult } from "@omnijourney/shared";
import { endpoint } from "../../http/endpoint.js";
import { AppError } from "../../errors.js";
import { Id, IdParams } from "../../schemas/common.js";
import { findJourney } from "../../services/journeys.js";
import { findProfile } from "../../services/profiles.js";
import { tags } from "./schemas.js";

export const enrol = endpoint({
  method: "post",
  path: "/journeys/:id/enrol",
  summary: "Enrol a profile into the live version",
  tags,
  auth: "bearer",
  role: "publisher",
  params: IdParams,
  body: z.object({ profileId: Id }),
  response: EnrolResult,
  status: 202,
  handler: async ({ params, body }, { app }) => {
    const journey = await findJourney(app, params.id);
    if (journey.status !== "live" || typeof journey.liveVersion !== "number") {
      throw new AppError(409, "journey_not_live", "Only a live journey accepts enrolments", {
        id: params.id,
        status: journey.status,
      });
    }
    const profile = await findProfile(app, body.profileId);
    const result = await app.runtime.enrol({
      journeyId: params.id,
      version: journey.liveVersion,
      profileId: profile.profileId,
      event: null,
    });
    return {
      journeyId: params.id,
      version: journey.liveVersion,
      profileId: profile.profileId,
      result,
    };
  },
});
