import { z } from "zod";

/**
 * The journey document exactly as DESIGN.md describes it: what the studio saves and the API stores.
 * Parsed loosely at the edge so that fields a newer API adds survive a round trip through the editor.
 */
export const Duration = z.object({
  amount: z.number(),
  unit: z.enum(["second", "minute", "hour", "day", "week"]),
});
export type Duration = z.infer<typeof Duration>;

export const JourneyNode = z.looseObject({
  id: z.string(),
  type: z.string(),
  name: z.string().optional(),
  position: z.object({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
  config: z.record(z.string(), z.unknown()).default({}),
  typeVersion: z.number().optional(),
});
export type JourneyNode = z.infer<typeof JourneyNode>;

export const JourneyEdge = z.looseObject({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  sourceHandle: z.string().nullish(),
});
export type JourneyEdge = z.infer<typeof JourneyEdge>;

export const JourneySettings = z.record(z.string(), z.unknown());
export type JourneySettings = z.infer<typeof JourneySettings>;

export const JourneyDocument = z.looseObject({
  name: z.string().default("Untitled journey"),
  nodes: z.array(JourneyNode).default([]),
  edges: z.array(JourneyEdge).default([]),
  settings: JourneySettings.default({ reentry: "never", exitOn: [] }),
});
export type JourneyDocument = z.infer<typeof JourneyDocument>;

export const JourneyStatus = z.enum(["draft", "live", "paused", "archived"]);
export type JourneyStatus = z.infer<typeof JourneyStatus>;

export type Problem = {
  code: string;
  nodeId?: string;
  edgeId?: string;
  path?: string;
  message: string;
};
export const ProblemSchema = z.looseObject({
  code: z.string(),
  nodeId: z
    .string()
    .nullish()
    .transform((v) => v ?? undefined),
  edgeId: z
    .string()
    .nullish()
    .transform((v) => v ?? undefined),
  path: z
    .union([z.string(), z.array(z.union([z.string(), z.number()]))])
    .nullish()
    .transform((v) => (Array.isArray(v) ? v.join(".") : (v ?? undefined))),
  message: z.string(),
});

/** One step of a cascade node while live: how many went out on its channel, how many responded, what it cost. */
export type StepCounts = {
  step: number;
  channel: string;
  sent: number;
  responded: number;
  skipped: number;
  failed: number;
  cost: number;
};
export const StepCountsSchema = z.looseObject({
  step: z.number(),
  channel: z.string(),
  sent: z.number().default(0),
  responded: z.number().default(0),
  skipped: z.number().default(0),
  failed: z.number().default(0),
  cost: z.number().default(0),
});

export type NodeCounts = {
  entered: number;
  active: number;
  completed: number;
  converted: number;
  ports?: Record<string, number>;
  /** Cascade nodes: per step. */
  steps?: StepCounts[];
  /** The workspace currency the steps' cost is in. */
  currency?: string;
};
export const NodeCountsSchema = z.looseObject({
  entered: z.number().default(0),
  active: z.number().default(0),
  completed: z.number().default(0),
  converted: z.number().default(0),
  ports: z.record(z.string(), z.number()).optional(),
  steps: z.array(StepCountsSchema).optional(),
  currency: z.string().optional(),
});
