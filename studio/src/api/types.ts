import { z } from "zod";

/**
 * The draft journey document as the editor holds it. Deliberately looser than shared's `JourneyDocument`:
 * a draft may not pass validation yet (an empty name, a half-configured node), and fields a newer API adds
 * must survive a round trip through the editor. The API's answers themselves are typed by shared's schemas.
 */
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
