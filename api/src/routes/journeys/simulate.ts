import { SimulationRequest, SimulationResult, type JourneyPlan } from "@omnijourney/shared";
import type { SimulateInput } from "@omnijourney/runtime";
import { findJourneyVersion, profileById } from "@omnijourney/store";
import { endpoint } from "../../http/endpoint.js";
import { notFound } from "../../errors.js";
import { Id, IdParams, safe } from "../../schemas/common.js";
import { compileOrReject, findJourney } from "../../services/journeys.js";
import { tags } from "./schemas.js";

/** The shared request, with the profile id checked as a stored identifier (no NUL, no unpaired surrogate). */
const SimulationBody = safe(SimulationRequest.extend({ profileId: Id.optional() }));

export const simulate = endpoint({
  method: "post",
  path: "/journeys/:id/simulate",
  summary: "Dry-run the journey for a profile and a sequence of events (nothing is sent)",
  tags,
  auth: "bearer",
  role: "editor",
  params: IdParams,
  body: SimulationBody,
  response: SimulationResult,
  handler: async ({ params, body }, { app }): Promise<SimulationResult> => {
    const journey = await findJourney(app, params.id);
    let plan: JourneyPlan;
    if (body.version !== undefined) {
      const v = await findJourneyVersion(app.db, params.id, body.version);
      if (!v) throw notFound("Version", `${params.id}@${body.version}`);
      plan = v.plan;
    } else plan = compileOrReject(journey.document, {});
    let profile: SimulateInput["profile"] = {
      profileId: "simulated",
      attributes: body.profile?.attributes ?? {},
    };
    if (body.profileId) {
      const stored = await profileById(app.db, body.profileId);
      if (!stored) throw notFound("Profile", body.profileId);
      // why: the stored document has the StoredProfile shape (consent statuses and counters as written by ingestion)
      profile = {
        profileId: stored.profileId,
        attributes: stored.attributes,
        consent: stored.consent as SimulateInput["profile"]["consent"],
        counters: stored.counters,
      };
    }
    return app.runtime.simulate({
      plan,
      profile,
      events: body.events,
      journeyId: params.id,
      ...(body.startAt ? { startAt: new Date(body.startAt) } : {}),
      ...(body.version ? { version: body.version } : {}),
    });
  },
});
