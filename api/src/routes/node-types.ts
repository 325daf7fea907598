import { z } from "zod";
import { describeNodeType, nodeTypes } from "@omnijourney/shared";
import { endpoint } from "../http/endpoint.js";

const NodeTypeInfo = z
  .object({
    type: z.string(),
    title: z.string(),
    description: z.string(),
    category: z.string(),
    icon: z.string(),
    version: z.number().int(),
    execution: z.enum(["workflow", "activity"]),
    waits: z.boolean(),
    outputs: z
      .array(z.string())
      .nullable()
      .meta({ description: "Fixed output ports, or null when they depend on the config" }),
    dynamicOutputs: z.string().nullable(),
    configSchema: z
      .record(z.string(), z.unknown())
      .meta({ description: "JSON Schema (draft 2020-12) of the config" }),
    ui: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "NodeType" });

export const listNodeTypes = endpoint({
  method: "get",
  path: "/node-types",
  summary: "Every registered node type with its config JSON Schema, ports and UI hints",
  tags: ["journeys"],
  auth: "bearer",
  response: z.object({ items: z.array(NodeTypeInfo) }),
  // Described on every call so node types registered after start (custom types) appear too.
  handler: async () => ({ items: nodeTypes.list().map(describeNodeType) }),
});
