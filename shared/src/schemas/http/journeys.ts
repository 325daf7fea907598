import { z } from "zod";
import { Problem } from "../../validate/problems.js";
import { ExperimentDecision } from "./experiment-decision.js";

/** A journey's lifecycle: drafted, live (accepting enrolments), paused (running ones continue), archived. */
export const JourneyStatus = z.enum(["draft", "live", "paused", "archived"]);
/** A journey status. */
export type JourneyStatus = z.infer<typeof JourneyStatus>;

/** A journey as the API returns it; dates are ISO 8601 strings. */
export const Journey = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    status: JourneyStatus,
    liveVersion: z.number().int().nullable(),
    /** The draft journey document (it may not pass validation yet). */
    document: z.unknown(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
    publishedAt: z.string().optional(),
    /** Winners declared for its experiment nodes, oldest first. */
    experimentDecisions: z.array(ExperimentDecision).optional(),
  })
  .meta({ id: "Journey" });
/** A journey. */
export type Journey = z.infer<typeof Journey>;

/** The journeys list's headline numbers. */
export const JourneyCounts = z
  .object({ enrolled: z.number(), active: z.number(), converted: z.number() })
  .meta({
    id: "JourneyCounts",
    description:
      "From the pre-aggregated node counters: enrolled and converted at the trigger, active summed over nodes",
  });
/** A journey's headline numbers. */
export type JourneyCounts = z.infer<typeof JourneyCounts>;

/** `GET /api/journeys`. */
export const JourneyList = z.object({ items: z.array(Journey.extend({ counts: JourneyCounts })) });
/** The journeys list. */
export type JourneyList = z.infer<typeof JourneyList>;

/** `POST /api/journeys/validate`: every problem at once. */
export const ValidationResponse = z
  .object({ valid: z.boolean(), problems: z.array(Problem) })
  .meta({ id: "ValidationResult" });
/** A validation answer. */
export type ValidationResponse = z.infer<typeof ValidationResponse>;

/** `POST /api/journeys/:id/publish`: the frozen version (`created` is false when the content was already published). */
export const PublishResult = z.object({
  version: z.number().int(),
  hash: z.string(),
  created: z.boolean(),
});
/** A publish answer. */
export type PublishResult = z.infer<typeof PublishResult>;

/** A published version; `publishedAt` is an ISO 8601 string. */
export const JourneyVersionSummary = z.object({
  version: z.number().int(),
  hash: z.string(),
  publishedAt: z.string(),
  /** Who published it, from the audit log; null for versions published before publishes were audited. */
  publishedBy: z.string().nullable().default(null),
});
/** A published version. */
export type JourneyVersionSummary = z.infer<typeof JourneyVersionSummary>;

/** `GET /api/journeys/:id/versions`, newest first. */
export const JourneyVersionList = z.object({ items: z.array(JourneyVersionSummary) });
/** The versions list. */
export type JourneyVersionList = z.infer<typeof JourneyVersionList>;

/** `GET /api/journeys/:id/versions/:version`: the frozen document and its compiled plan. */
export const JourneyVersionDetail = JourneyVersionSummary.extend({
  document: z.unknown(),
  plan: z.unknown(),
});
/** One published version in full. */
export type JourneyVersionDetail = z.infer<typeof JourneyVersionDetail>;

/** Whether a manual or API enrolment started a run, and why not when it did not. */
export const EnrolmentStart = z.discriminatedUnion("started", [
  z.object({
    started: z.literal(true),
    workflowId: z.string(),
    runId: z.string(),
    version: z.number().int(),
  }),
  z.object({
    started: z.literal(false),
    /** not_started / ended: outside the journey's dates; entry_rate: its hourly or daily entrants are full. */
    reason: z.enum([
      "not_live",
      "already_enrolled",
      "entry_limit",
      "unknown_version",
      "not_started",
      "ended",
      "entry_rate",
    ]),
    workflowId: z.string().optional(),
  }),
]);
/** An enrolment start. */
export type EnrolmentStart = z.infer<typeof EnrolmentStart>;

/** `POST /api/journeys/:id/enrol`. */
export const EnrolResult = z.object({
  journeyId: z.string(),
  version: z.number().int(),
  profileId: z.string(),
  result: EnrolmentStart,
});
/** An enrol answer. */
export type EnrolResult = z.infer<typeof EnrolResult>;
