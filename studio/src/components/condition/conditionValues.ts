/** A condition as JSON (DESIGN.md "Conditions"), read loosely: the builder edits whatever it is given. */
export type Cond = Record<string, unknown>;

/** Whether a rule tests the profile (attributes and event history) or an event's own properties. */
export type ConditionKind = "profile" | "property";

/** Attribute comparisons, as the condition writes them and as a person reads them. */
export const ATTR_OPS: [string, string][] = [
  ["eq", "is"],
  ["neq", "is not"],
  ["gt", ">"],
  ["gte", "≥"],
  ["lt", "<"],
  ["lte", "≤"],
  ["in", "is one of"],
  ["contains", "contains"],
  ["exists", "is set"],
  ["before", "is before"],
  ["after", "is after"],
];
/** Event-history tests. */
export const EVENT_OPS: [string, string][] = [
  ["performed", "has done"],
  ["not_performed", "has not done"],
  ["count_gte", "done at least"],
  ["count_lte", "done at most"],
];
/** Units a window or a relative date may be given in. */
export const UNITS = ["minute", "hour", "day", "week"];

/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A condition as a group: its `all`/`any` members, or a single rule as a group of one. */
export function groupOf(value: Cond | undefined): { mode: "all" | "any"; items: Cond[] } {
  if (value && Array.isArray(value.any)) return { mode: "any", items: value.any.filter(isRecord) };
  if (value && Array.isArray(value.all)) return { mode: "all", items: value.all.filter(isRecord) };
  if (value && Object.keys(value).length) return { mode: "all", items: [value] };
  return { mode: "all", items: [] };
}

/** Turns what a person typed into the JSON value the condition expects. */
export function parseScalar(text: string, op: string): unknown {
  const trimmed = text.trim();
  if (["gt", "gte", "lt", "lte"].includes(op) && trimmed !== "" && !Number.isNaN(Number(trimmed)))
    return Number(trimmed);
  if (op === "in")
    return trimmed
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => parseScalar(s, "eq"));
  if (trimmed === "true") return true;
  if (trimmed === "false") return false;
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return text;
}

/** A rule's value as the text a person edits. */
export function scalarText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (value === undefined || value === null || isRecord(value)) return "";
  return String(value);
}
