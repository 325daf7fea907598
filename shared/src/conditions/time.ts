import { assertNever } from "../assert.js";
import { conditionKind, type Condition, type DateValue } from "./schema.js";

/** A relative date (`{ amount, unit, direction }`), as opposed to a fixed ISO date. */
function isRelativeDate(value: DateValue): boolean {
  return typeof value !== "string";
}

/**
 * Whether a condition's truth for an unchanged profile can change with time alone, i.e. whether it reads `now`:
 * an attribute `before` / `after` with a relative date ("lastSeen before 30 days ago"), or an event-history test
 * with a `within` window ("no purchase within 30 days"). Segments with such conditions gain and lose members without
 * any write to the profile, so only a periodic sweep notices them.
 *
 * Conservative: a leaf that reads `now` counts even where the result happens not to depend on it (a count of at
 * least 0 within a window). A `where` property condition inside an event test does not count: it is evaluated
 * against each event's own timestamp when the event is counted (`counterKeysFor`), never against `now`.
 */
export function isTimeDependent(condition: Condition): boolean {
  const kind = conditionKind(condition);
  switch (kind) {
    case "all":
      return "all" in condition && condition.all.some(isTimeDependent);
    case "any":
      return "any" in condition && condition.any.some(isTimeDependent);
    case "not":
      return "not" in condition && isTimeDependent(condition.not);
    case "event":
      return (
        "event" in condition && (condition.within !== undefined || condition.since !== undefined)
      );
    case "attribute":
      return (
        "attr" in condition &&
        (condition.op === "before" || condition.op === "after") &&
        isRelativeDate(condition.value)
      );
    default:
      return assertNever(kind);
  }
}
