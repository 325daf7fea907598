/** What a plugin module may default-export: a node type, an array of them, or `{ nodeTypes: [...] }`. */
import type { NodeType } from "@omnijourney/shared";

const isObject = (value: unknown): value is object => value !== null && typeof value === "object";

/** Whether a value is a node type made with `defineNodeType` (a plugin may bundle its own copy of shared). */
function isNodeType(value: unknown): value is NodeType {
  if (!isObject(value)) return false;
  const config: unknown = Reflect.get(value, "config");
  return (
    typeof Reflect.get(value, "type") === "string" &&
    typeof Reflect.get(value, "outputsFor") === "function" &&
    isObject(config) &&
    typeof Reflect.get(config, "safeParse") === "function"
  );
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing (no default export)";
  if (Array.isArray(value)) return "an array holding something other than node types";
  return isObject(value) ? "an object that is not a node type" : `a ${typeof value}`;
}

/**
 * The node types of a plugin module's default export. Throws when it is none of the three shapes, or when a
 * type is interpreted by the workflow (only activity types can be added without changing the interpreter).
 */
export function nodeTypesOf(value: unknown): NodeType[] {
  const list: unknown =
    isObject(value) && !isNodeType(value) && "nodeTypes" in value ? value.nodeTypes : value;
  const candidates: unknown[] = Array.isArray(list) ? list : [list];
  if (candidates.length === 0 || !candidates.every(isNodeType))
    throw new Error(
      `its default export is ${describe(value)}; export a node type made with defineNodeType, an array of them, or { nodeTypes: [...] }`,
    );
  for (const nodeType of candidates)
    if (nodeType.execution !== "activity" || !nodeType.run)
      throw new Error(
        `node type "${nodeType.type}" must run as an activity (execution "activity" with a run function)`,
      );
  return candidates;
}
