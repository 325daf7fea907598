import { z } from "zod";
import type { NodeType } from "./registry.js";
import type { NodeTypeInfo } from "./schemas/http/node-types.js";
import { JourneyDocument, JourneySettings } from "./schemas/journey.js";
import { Condition, PropertyCondition } from "./conditions/schema.js";
import { JourneyEvent, SegmentBatch, SegmentEvent } from "./schemas/events.js";
import { StoredProfile } from "./schemas/profile.js";
import { Problem } from "./validate/problems.js";

const DYNAMIC: Record<string, string> = {
  "branch.multi": "one port per case id, then 'else'",
  "experiment.split": "one port per variant id",
};

const schemaCache = new WeakMap<object, Record<string, unknown>>();

/** JSON Schema of a node type's config (zod's own conversion; cached per schema). Unrepresentable parts become `{}`. */
export function configJsonSchema(nodeType: NodeType): Record<string, unknown> {
  const cached = schemaCache.get(nodeType.config);
  if (cached) return cached;
  const schema = z.toJSONSchema(nodeType.config, {
    io: "input",
    unrepresentable: "any",
    cycles: "ref",
    reused: "inline",
  });
  schemaCache.set(nodeType.config, schema);
  return schema;
}

/** Describes a node type for the palette, forms and handles. */
export function describeNodeType(nodeType: NodeType): NodeTypeInfo {
  return {
    type: nodeType.type,
    title: nodeType.title,
    description: nodeType.description,
    category: nodeType.category,
    icon: nodeType.icon,
    version: nodeType.version,
    execution: nodeType.execution,
    waits: nodeType.waits,
    outputs: nodeType.staticOutputs ? [...nodeType.staticOutputs] : null,
    dynamicOutputs: nodeType.staticOutputs
      ? null
      : (DYNAMIC[nodeType.type] ?? "derived from the config"),
    configSchema: configJsonSchema(nodeType),
    ui: nodeType.ui,
  };
}

/**
 * JSON Schemas (draft 2020-12, input side) of the shapes that cross package boundaries, for the OpenAPI document
 * and external tooling. Dates become unconstrained (`{}`) where zod cannot express them.
 */
export function modelJsonSchemas(): Record<string, Record<string, unknown>> {
  const opts = { io: "input", unrepresentable: "any", cycles: "ref", reused: "inline" } as const;
  return {
    JourneyDocument: z.toJSONSchema(JourneyDocument, opts),
    JourneySettings: z.toJSONSchema(JourneySettings, opts),
    Condition: z.toJSONSchema(Condition, opts),
    PropertyCondition: z.toJSONSchema(PropertyCondition, opts),
    SegmentEvent: z.toJSONSchema(SegmentEvent, opts),
    SegmentBatch: z.toJSONSchema(SegmentBatch, opts),
    JourneyEvent: z.toJSONSchema(JourneyEvent, opts),
    StoredProfile: z.toJSONSchema(StoredProfile, opts),
    Problem: z.toJSONSchema(Problem, opts),
  };
}
