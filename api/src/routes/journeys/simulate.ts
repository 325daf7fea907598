import { z } from "zod";
import { SimulationResult, type JourneyPlan } from "@omnijourney/shared";
import type { SimulateInput } from "@omnijourney/runtime";
import { findJourneyVersion, profileById } from "@omnijourney/store";
import { endpoint } from "../../http/endpoint.js";
import { notFound } from "../../errors.js";
import { Id, IdParams, safe } from "../../schemas/common.js";
import { compileOrReject, findJourney } from "../../services/journeys.js";
import { tags } from "./schemas.js";

/** A start time "now" from a browser whose clock is a little behind is still now. */
const PAST_TOLERANCE_MS = 5 * 60_000;

const SimulationBody = safe(
  z.object({
    profileId: Id.optional(),
    profile: z.object({ attributes: z.record(z.string(), z.unknown()).default({}) }).optional(),
    events: z
      .array(
        z.object({
          event: z.string().min(1).max(200),
          properties: z.record(z.string(), z.unknown()).optional(),
          atSeconds: z
            .number()
            .min(0)
            .max(10 * 365 * 86400),
        }),
      )
      .max(200)
      .default([]),
    version: z.number().int().min(1).optional(),
    /** When the simulated clock starts; now when absent. */
    startAt: z.iso
      .datetime({ offset: true })
      .refine((v) => Date.parse(v) >= Date.now() - PAST_TOLERANCE_MS, {
        message: "The start time must be now or later",
      })
      .optional(),
  }),
);

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
