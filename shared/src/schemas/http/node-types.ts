import { z } from "zod";

/** UI hints a node type declares for the studio, all optional. */
export const NodeUiHints = z.object({
  /** Field order in the form. */
  order: z.array(z.string()).optional(),
  /** Field labels, by top-level field name. */
  labels: z.record(z.string(), z.string()).optional(),
  /** Help text, by field name. */
  help: z.record(z.string(), z.string()).optional(),
  /** Fields that take Liquid templates. */
  liquid: z.array(z.string()).optional(),
  /** Fields that hold a segment id (the studio shows a segment picker; the validator checks they exist). */
  segmentFields: z.array(z.string()).optional(),
  /** Fields that hold an event name (the studio suggests known events). */
  eventFields: z.array(z.string()).optional(),
  /** Fields that hold a condition (the studio shows the condition builder). */
  conditionFields: z.array(z.string()).optional(),
  /** Fields edited in a multi-line text area. */
  multiline: z.array(z.string()).optional(),
  /** Fields that hold an HTML document (the studio offers a visual editor beside the source and a rendered preview). */
  html: z.array(z.string()).optional(),
  /** How each output port is described in sentences ("when the wait times out"). */
  ports: z.record(z.string(), z.string()).optional(),
  /** Accent colour of the node on the canvas. */
  color: z.string().optional(),
});
/** UI hints of a node type. */
export type NodeUiHints = z.infer<typeof NodeUiHints>;

/** Palette groups of node types. */
export const NodeCategory = z.enum([
  "trigger",
  "message",
  "timing",
  "logic",
  "data",
  "action",
  "goal",
]);
/** A node category. */
export type NodeCategory = z.infer<typeof NodeCategory>;

/** Who runs a node: the workflow itself (control flow) or a Temporal activity. */
export const NodeExecution = z.enum(["workflow", "activity"]);
/** A node's execution. */
export type NodeExecution = z.infer<typeof NodeExecution>;

/** A node type as `GET /api/node-types` describes it for the palette, forms and handles (plain JSON). */
export const NodeTypeInfo = z
  .object({
    type: z.string(),
    title: z.string(),
    description: z.string(),
    category: NodeCategory,
    icon: z.string(),
    version: z.number().int(),
    execution: NodeExecution,
    waits: z.boolean(),
    outputs: z
      .array(z.string())
      .nullable()
      .meta({ description: "Fixed output ports, or null when they depend on the config" }),
    /** How ports derive from the config when `outputs` is null. */
    dynamicOutputs: z.string().nullable(),
    configSchema: z
      .record(z.string(), z.unknown())
      .meta({ description: "JSON Schema (draft 2020-12) of the config as written" }),
    ui: NodeUiHints,
  })
  .meta({ id: "NodeType" });
/** A node type's description. */
export type NodeTypeInfo = z.infer<typeof NodeTypeInfo>;

/** `GET /api/node-types`: every registered node type. */
export const NodeTypesResponse = z.object({ items: z.array(NodeTypeInfo) });
/** The node-types list. */
export type NodeTypesResponse = z.infer<typeof NodeTypesResponse>;
