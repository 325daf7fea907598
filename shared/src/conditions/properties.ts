import { assertNever } from "../assert.js";
import { conditionKind } from "./kind.js";
import type { PropertyCondition } from "./schema.js";
import { matchFound, resolvePath } from "./values.js";

/** Whether an event's properties satisfy a property condition (trigger filters, `wait.event`, goals, filtered counters). */
export function matchesProperties(
  condition: PropertyCondition,
  properties: Record<string, unknown>,
  now: Date = new Date(),
): boolean {
  const kind = conditionKind(condition);
  switch (kind) {
    case "all":
      return (
        "all" in condition && condition.all.every((c) => matchesProperties(c, properties, now))
      );
    case "any":
      return "any" in condition && condition.any.some((c) => matchesProperties(c, properties, now));
    case "not":
      return "not" in condition && !matchesProperties(condition.not, properties, now);
    case "attribute":
      return (
        "attr" in condition &&
        matchFound(resolvePath(properties, condition.attr.split(".")), condition, now)
      );
    case "event":
      return false;
    default:
      return assertNever(kind);
  }
}
