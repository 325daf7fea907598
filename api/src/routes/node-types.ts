import { describeNodeType, nodeTypes, NodeTypesResponse } from "@omnijourney/shared";
import { endpoint } from "../http/endpoint.js";

export const listNodeTypes = endpoint({
  method: "get",
  path: "/node-types",
  summary: "Every registered node type with its config JSON Schema, ports and UI hints",
  tags: ["journeys"],
  auth: "bearer",
  role: "viewer",
  response: NodeTypesResponse,
  // Described on every call so node types registered after start (custom types) appear too.
  handler: async (): Promise<NodeTypesResponse> => ({
    items: nodeTypes.list().map(describeNodeType),
  }),
});
