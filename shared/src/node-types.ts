import { NodeTypeRegistry } from "./registry.js";
import { builtInNodeTypes } from "./nodes/index.js";

/**
 * The registry every package uses. Built-in types are registered here exactly as a custom type would be:
 * `nodeTypes.register(defineNodeType({...}))`.
 */
export const nodeTypes = new NodeTypeRegistry();
for (const nodeType of builtInNodeTypes) nodeTypes.register(nodeType);
