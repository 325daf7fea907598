import { z } from "zod";

/** How an enrolment ended. */
export const EnrolmentOutcome = z.enum(["completed", "converted", "exited", "cancelled", "failed"]);
/** An enrolment outcome. */
export type EnrolmentOutcome = z.infer<typeof EnrolmentOutcome>;

/**
 * One node the simulated profile passed. `at` is an ISO 8601 instant on the simulation's clock, which
 * starts at the run's `startedAt` (now, or the start time asked for); `atSeconds` is whole seconds
 * since the first node of the path.
 */
export const SimulatedPathEntry = z.object({
  nodeId: z.string(),
  at: z.string(),
  atSeconds: z.number(),
  /** The output port the node left through (null or absent at the end of the path). */
  port: z.string().nullish(),
});
/** A step of the simulated path. */
export type SimulatedPathEntry = z.infer<typeof SimulatedPathEntry>;

/**
 * A message the simulation would send (or suppress, with its reason). `sendAt` is an ISO 8601 instant
 * on the simulation's clock and `atSeconds` whole seconds since the first node of the path, as for the path.
 */
export const SimulatedMessageEntry = z.object({
  nodeId: z.string(),
  channel: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  /** The rendered fields (subject, body, text, ...); empty when nothing was rendered. */
  content: z.record(z.string(), z.string()),
  sendAt: z.string(),
  atSeconds: z.number(),
  cost: z.number(),
  /** Position inside a message.cascade (0-based), absent for single sends. */
  cascadeStep: z.number().int().optional(),
});
/** A simulated message. */
export type SimulatedMessageEntry = z.infer<typeof SimulatedMessageEntry>;

/** A start time "now" from a browser whose clock is a little behind is still now. */
const PAST_TOLERANCE_MS = 5 * 60_000;

/** One event the simulated profile sends, `atSeconds` after it entered. */
export const SimulatedEvent = z.object({
  event: z.string().min(1).max(200),
  properties: z.record(z.string(), z.unknown()).optional(),
  atSeconds: z
    .number()
    .min(0)
    .max(10 * 365 * 86400),
});

/**
 * `POST /api/journeys/:id/simulate`'s body: a stored profile (`profileId`) or a described one (`profile`), the
 * events it sends, the published `version` to run (the draft when absent) and when the simulated clock starts.
 * The API adds its storable-text checks (no NUL, no unpaired surrogate) around it.
 */
export const SimulationRequest = z.object({
  profileId: z.string().min(1).max(256).optional(),
  profile: z.object({ attributes: z.record(z.string(), z.unknown()).default({}) }).optional(),
  events: z.array(SimulatedEvent).max(200).default([]),
  version: z.number().int().min(1).optional(),
  /** When the simulated clock starts (ISO 8601 with offset); now when absent. */
  startAt: z.iso
    .datetime({ offset: true })
    .refine((v) => Date.parse(v) >= Date.now() - PAST_TOLERANCE_MS, {
      message: "The start time must be now or later",
    })
    .optional(),
});
/** What the studio sends to simulate (defaults not yet applied). */
export type SimulationRequest = z.input<typeof SimulationRequest>;

/** `POST /api/journeys/:id/simulate`: a dry run's path, messages and outcome (nothing is sent). */
export const SimulationResult = z
  .object({
    path: z.array(SimulatedPathEntry),
    messages: z.array(SimulatedMessageEntry),
    outcome: EnrolmentOutcome,
    reason: z.string().optional(),
    /** The experiment arm taken, by experiment.split node id. */
    variants: z.record(z.string(), z.string()),
    /** When the simulated clock started (ISO): now, or the start time asked for. */
    startedAt: z.string(),
    /** The profile's time zone (IANA), in which quiet hours and local times were applied. */
    timeZone: z.string(),
    /** How long the simulation took in real time, in milliseconds. */
    elapsedMs: z.number(),
  })
  .meta({ id: "SimulationResult" });
/** A simulation's result. */
export type SimulationResult = z.infer<typeof SimulationResult>;
