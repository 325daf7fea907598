import type { z } from "zod";

/** A zod issue reduced to a path and a message; unions are resolved to the alternative that got furthest. */
export type FlatIssue = {
  path: (string | number)[];
  message: string;
  code: string;
  missing: boolean;
};

type AnyIssue = z.core.$ZodIssue;

function toKey(k: PropertyKey): string | number {
  return typeof k === "number" ? k : String(k);
}

/** Flattens zod issues, descending into the most promising alternative of each failed union. */
export function flattenIssues(
  issues: readonly AnyIssue[],
  prefix: (string | number)[] = [],
): FlatIssue[] {
  const out: FlatIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map(toKey)];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      // Pick the alternative the input was most likely meant to be: fewest shape mismatches (missing keys, wrong
      // discriminator, unknown keys), then the deepest issue (it got furthest), then the fewest issues.
      let best: readonly AnyIssue[] | undefined;
      let bestScore = -Infinity;
      for (const alternative of issue.errors) {
        const mismatches = alternative.filter(isShapeMismatch).length;
        const depth = Math.max(0, ...alternative.map((i) => i.path.length));
        const score = -mismatches * 10_000 + depth * 100 - alternative.length;
        if (score > bestScore) {
          bestScore = score;
          best = alternative;
        }
      }
      if (best && best.length > 0) {
        out.push(...flattenIssues(best, path));
        continue;
      }
    }
    const missing =
      (issue.code === "invalid_type" && issue.message.includes("received undefined")) ||
      (issue.code === "too_small" && issue.origin === "string" && Number(issue.minimum) === 1);
    out.push({ path, message: friendly(issue), code: issue.code, missing });
  }
  return out;
}

function isShapeMismatch(issue: AnyIssue): boolean {
  if (issue.code === "unrecognized_keys") return true;
  if (issue.code === "invalid_type" && issue.message.includes("received undefined")) return true;
  return issue.code === "invalid_union" && issue.errors.length === 0; // a discriminated union saw no matching tag
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "yes or no",
  array: "a list",
  object: "a group of fields",
};

/** Rewrites zod's developer wording as a phrase a marketer can act on ("must be a whole number"). */
function friendly(issue: AnyIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case "too_small":
      if (issue.origin === "string")
        return `must be at least ${String(issue.minimum)} characters long`;
      if (issue.origin === "array")
        return `needs at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? "" : "s"}`;
      return `must be at least ${String(issue.minimum)}`;
    case "too_big":
      if (issue.origin === "string")
        return `must be at most ${String(issue.maximum)} characters long`;
      if (issue.origin === "array") return `can have at most ${String(issue.maximum)} items`;
      return `must be at most ${String(issue.maximum)}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `must be ${String(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => String(v)).join(", ")}`;
    case "invalid_format":
      if (issue.format === "datetime") return "must be a date and time like 2030-01-31T09:00:00Z";
      if (issue.format === "date") return "must be a date like 2030-01-31";
      if (issue.format === "regex") return issue.message;
      return `must be a valid ${issue.format}`;
    case "unrecognized_keys":
      return `has unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((k) => `'${k.slice(0, 50)}'`).join(", ")}`;
    case "invalid_union":
      return "does not match any allowed form";
    default:
      return issue.message;
  }
}
