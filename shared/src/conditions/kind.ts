import type { Condition, PropertyCondition } from "./schema.js";

// Apart from the zod schemas in schema.ts, so workflow code can classify conditions without zod.

export type ConditionKind = "all" | "any" | "not" | "attribute" | "event";

/** Classifies a parsed condition node. */
export function conditionKind(c: Condition | PropertyCondition): ConditionKind {
  if ("all" in c) return "all";
  if ("any" in c) return "any";
  if ("not" in c) return "not";
  if ("event" in c) return "event";
  return "attribute";
}
