import { z } from "zod";
import { Channel } from "./channel.js";
import { Duration } from "./duration.js";
import { ConditionField, EventName, PropertyConditionField } from "../conditions/schema.js";

/** Id of a node or edge: short, printable, no prototype keys (ids become object keys in plans). */
export const ElementId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_:-]+$/, "Ids may use letters, digits, '_', ':' and '-'")
  .refine(
    (id) => id !== "__proto__" && id !== "constructor" && id !== "prototype",
    "This id is reserved",
  );

/** Canvas position (layout only; ignored by the content hash). */
export const Position = z.object({ x: z.number(), y: z.number() });

/** A node on the canvas. `config` is checked against the node type's schema by the validator. */
export const JourneyNode = z.object({
  id: ElementId,
  type: z.string().min(1).max(100),
  /** Optional step name shown on the canvas and in messages ("Wait for email opened"). */
  name: z.string().max(200).optional(),
  position: Position.default({ x: 0, y: 0 }),
  config: z.unknown().optional(),
  /** The node type's version the config was written for (stamped by the API on save; see `upgradeNodeConfigs`). */
  typeVersion: z.number().int().min(1).optional(),
});
/** A node in a journey document (config not yet parsed). */
export type JourneyNode = z.infer<typeof JourneyNode>;

/** A connection from an output port (`sourceHandle`) of one node to another node. */
export const JourneyEdge = z.object({
  id: ElementId,
  source: ElementId,
  sourceHandle: z.string().min(1).max(100).nullish(),
  target: ElementId,
  /** React Flow writes a target handle; there is one input per node, so it is ignored. */
  targetHandle: z.string().max(100).nullish(),
});
/** An edge in a journey document. */
export type JourneyEdge = z.infer<typeof JourneyEdge>;

/** An exit criterion: an event (optionally filtered) or a profile condition that ends an enrolment at any node. */
export const ExitCriterion = z.union([
  z.strictObject({ event: EventName, where: PropertyConditionField.optional() }),
  z.strictObject({ condition: ConditionField }),
]);
/** An exit criterion. */
export type ExitCriterion = z.infer<typeof ExitCriterion>;

/** The journey's conversion goal. */
export const JourneyGoal = z.object({
  event: EventName,
  where: PropertyConditionField.optional(),
  within: Duration,
  /** Event property holding the revenue of a conversion. */
  revenueProperty: z.string().min(1).max(200).optional(),
});
/** A journey goal. */
export type JourneyGoal = z.infer<typeof JourneyGoal>;

/** Most people who may enter the journey per clock hour and per day (UTC), counted at enrolment across all profiles. */
export const EntryRate = z.strictObject({
  perHour: z
    .number()
    .int()
    .min(1)
    .max(10_000_000)
    .meta({ title: "Most people per hour" })
    .optional(),
  perDay: z.number().int().min(1).max(10_000_000).meta({ title: "Most people per day" }).optional(),
});
/** An entry rate limit. */
export type EntryRate = z.infer<typeof EntryRate>;

/**
 * A frequency cap of one journey, beside the workspace's: at most `limit` marketing messages from this journey
 * to one profile within `window`, on `channel` only when set (else on every channel).
 */
export const JourneyFrequencyCap = z.strictObject({
  channel: Channel.meta({ title: "Only on this channel" }).optional(),
  limit: z.number().int().min(1).max(1_000).meta({ title: "At most this many messages" }),
  window: Duration.meta({ title: "Within" }),
});
/** A journey frequency cap. */
export type JourneyFrequencyCap = z.infer<typeof JourneyFrequencyCap>;

/** Journey settings with defaults applied on parse. */
export const JourneySettings = z.object({
  /** never: one enrolment per profile ever; after_exit: again once the previous one finished; always: concurrently too. */
  reentry: z.enum(["never", "after_exit", "always"]).default("never"),
  goal: JourneyGoal.optional(),
  exitOn: z.array(ExitCriterion).max(20).default([]),
  /** Most enrolments per profile over the journey's life. */
  entryLimit: z.number().int().min(1).max(1_000_000).optional(),
  respectQuietHours: z.boolean().default(true),
  frequencyCapped: z.boolean().default(true),
  /** No one enters before this instant (people already enrolled are not affected). */
  startsAt: z.iso.datetime({ offset: true }).optional(),
  /** No one enters from this instant on; people already in the journey continue. */
  endsAt: z.iso.datetime({ offset: true }).optional(),
  /** Most entrants per hour / per day, across all profiles. */
  entryRate: EntryRate.optional(),
  /** This journey's own frequency caps (marketing messages), checked beside the workspace cap. */
  frequencyCaps: z.array(JourneyFrequencyCap).max(10).optional(),
});
/** Normalised journey settings. */
export type JourneySettings = z.infer<typeof JourneySettings>;

/** The journey document: what the studio saves and the API stores (DESIGN.md). */
export const JourneyDocument = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(5_000).optional(),
  nodes: z.array(JourneyNode),
  edges: z.array(JourneyEdge),
  settings: JourneySettings.default(JourneySettings.parse({})),
});
/** A journey document. */
export type JourneyDocument = z.infer<typeof JourneyDocument>;
/** A journey document as written (before defaults). */
export type JourneyDocumentInput = z.input<typeof JourneyDocument>;
