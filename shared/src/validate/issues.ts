import type { z } from "zod";

/** A zod issue reduced to a path and a message; unions are resolved to the alternative that got furthest. */
export type FlatIssue = { path: (string | number)[]; message: string; code: string; missing: boolean };

type AnyIssue = z.core.$ZodIssue;

function toKey(k: PropertyKey): string | number {
  return typeof k === "number" ? k : String(k);
}

/** Flattens zod issues, descending into the most promising alternative of each failed union. */
export function flattenIssues(issues: readonly AnyIssue[], prefix: (string | number)[] = []): FlatIssue[] {
  const out: FlatIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map(toKey)];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      let best: readonly AnyIssue[] | undefined;
      let bestScore = -1;
      for (const alternative of issue.errors) {
        const score = Math.max(0, ...alternative.map((i) => i.path.length)) * 100 - alternative.length;
        if (score > bestScore) {
          bestScore = score;
          best = alternative;
        }
      }
      if (best && bestScore > 0) {
        out.push(...flattenIssues(best, path));
        continue;
      }
    }
    const missing = issue.code === "invalid_type" && issue.message.includes("received undefined");
    out.push({ path, message: issue.message, code: issue.code, missing });
  }
  return out;
}
