import { z } from "zod";
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
