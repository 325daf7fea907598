import {
  assertNever,
  conditionKind,
  counterKey,
  eventWindowStart,
  fieldOf,
  ISO_DATE_PREFIX,
  matchFound,
  resolveDate,
  type AttributeCondition,
  type Condition,
  type EventCondition,
} from "@omnijourney/shared";

/** A MongoDB filter document (only operators that MongoDB 7 and FerretDB 1.24 both support). */
export type MongoFilter = Record<string, unknown>;

/** Matches every document. */
const MATCH_ALL: MongoFilter = {};
/** Matches no document ($nor of match-all). */
const MATCH_NONE: MongoFilter = { $nor: [{}] };

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

function fieldFilter(path: string, leaf: AttributeCondition, now: Date): MongoFilter {
  switch (leaf.op) {
    case "eq":
      return { [path]: leaf.value };
    case "neq":
      // "not eq" rather than $ne: FerretDB 1.24 applies $ne per array element on paths through arrays of documents.
      return { $nor: [{ [path]: leaf.value }] };
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return { [path]: { [`$${leaf.op}`]: leaf.value } };
    case "in":
      return { [path]: { $in: leaf.value } };
    case "contains":
      return typeof leaf.value === "string"
        ? { [path]: { $regex: escapeRegex(leaf.value) } }
        : { [path]: leaf.value };
    case "exists":
      return leaf.value ? { [path]: { $exists: true } } : { $nor: [{ [path]: { $exists: true } }] };
    case "before":
    case "after": {
      const d = resolveDate(leaf.value, now);
      if (Number.isNaN(d.getTime())) return MATCH_NONE;
      const op = leaf.op === "before" ? "$lt" : "$gt";
      return {
        $or: [
          { [path]: { [op]: d } },
          { [path]: { [op]: d.toISOString(), $regex: ISO_DATE_PREFIX } },
        ],
      };
    }
    default:
      return assertNever(leaf);
  }
}

function attributeFilter(leaf: AttributeCondition, now: Date): MongoFilter {
  const field = fieldOf(leaf.attr);
  const filter = fieldFilter(field.path, leaf, now);
  if (field.kind === "attribute") return filter;
  // Consent never set reads as "unknown": the filter must treat a missing field the way the evaluator does.
  return matchFound(["unknown"], leaf, now)
    ? { $or: [filter, { [field.path]: { $exists: false } }] }
    : { $and: [filter, { [field.path]: { $exists: true } }] };
}

function eventFilter(leaf: EventCondition, now: Date): MongoFilter {
  const base = `counters.${counterKey(leaf.event, leaf.where)}`;
  const atLeast = (n: number): MongoFilter => {
    if (n <= 0) return MATCH_ALL;
    // A segment has no enrolment: a `since: "entry"` window starts now, as in the evaluator.
    const start = eventWindowStart(leaf, { now });
    if (start) return { [`${base}.recent.${n - 1}`]: { $gte: start } };
    return { [`${base}.count`]: { $gte: n } };
  };
  const not = (f: MongoFilter): MongoFilter =>
    Object.keys(f).length === 0 ? MATCH_NONE : { $nor: [f] };
  switch (leaf.op) {
    case "count_gte":
      return atLeast(leaf.value);
    case "count_lte":
      return not(atLeast(leaf.value + 1));
    case "performed":
      return atLeast(1);
    case "not_performed":
      return not(atLeast(1));
    default:
      return assertNever(leaf);
  }
}

/**
 * Translates a condition into a MongoDB filter over the stored profile (`attributes`, `consent`, `counters`), with
 * exactly the semantics of shared's `evaluateCondition` (test/engine/conditions-agreement.test.ts runs both). `now` fixes relative dates and event windows.
 */
export function conditionToMongo(condition: Condition, options: { now: Date }): MongoFilter {
  const { now } = options;
  const kind = conditionKind(condition);
  switch (kind) {
    case "all": {
      if (!("all" in condition)) return MATCH_NONE;
      const parts = condition.all.map((c) => conditionToMongo(c, options));
      return parts.length === 0
        ? MATCH_ALL
        : parts.length === 1 && parts[0]
          ? parts[0]
          : { $and: parts };
    }
    case "any": {
      if (!("any" in condition)) return MATCH_NONE;
      const parts = condition.any.map((c) => conditionToMongo(c, options));
      return parts.length === 0
        ? MATCH_NONE
        : parts.length === 1 && parts[0]
          ? parts[0]
          : { $or: parts };
    }
    case "not":
      return "not" in condition ? { $nor: [conditionToMongo(condition.not, options)] } : MATCH_NONE;
    case "event":
      return "event" in condition ? eventFilter(condition, now) : MATCH_NONE;
    case "attribute":
      return "attr" in condition ? attributeFilter(condition, now) : MATCH_NONE;
    default:
      return assertNever(kind);
  }
}
