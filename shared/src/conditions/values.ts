import { durationToMs } from "../schemas/duration-ms.js";
import { ownValue } from "../keys.js";
import { assertNever } from "../assert.js";
import type { AttributeCondition, DateValue, Scalar } from "./schema.js";

/**
 * Field semantics shared by the evaluator and the MongoDB translation. They follow MongoDB's query rules so both
 * agree: a dotted path descends into objects and through arrays of objects; an operator matches when any value
 * found (or any element of an array value) satisfies it; `gt`/`lt` compare only within a type (numbers with
 * numbers, strings with strings, by code point — MongoDB's binary order); `neq` is the negation of `eq` (so it
 * also matches a missing field).
 */

/** Strings that look like dates (compared as text by before/after). */
export const ISO_DATE_PREFIX = "^[0-9]{4}-[0-9]{2}-[0-9]{2}";
const ISO_DATE_RE = new RegExp(ISO_DATE_PREFIX);

/** The values a dotted path reaches in a document, MongoDB-style. Empty when the path is missing. */
export function resolvePath(value: unknown, segments: readonly string[]): unknown[] {
  if (segments.length === 0) return [value];
  const [head, ...rest] = segments;
  if (head === undefined) return [value];
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    if (/^[0-9]+$/.test(head)) {
      const index = Number(head);
      if (index < value.length) out.push(...resolvePath(value[index], rest));
    }
    for (const element of value) {
      if (isPlainObject(element)) out.push(...resolvePath(element, segments));
    }
    return out;
  }
  if (isPlainObject(value)) {
    if (!Object.prototype.hasOwnProperty.call(value, head)) return [];
    return resolvePath(ownValue(value, head), rest);
  }
  return [];
}

function isPlainObject(value: unknown): value is object {
  return (
    value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)
  );
}

/** Found values with array values opened up (what scalar operators test). */
function candidates(found: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of found) {
    if (Array.isArray(v)) out.push(...v);
    else out.push(v);
  }
  return out;
}

/** Compares strings by Unicode code point (the order of their UTF-8 bytes, as MongoDB compares). */
export function compareStrings(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0) ?? 0;
    const cy = y.value.codePointAt(0) ?? 0;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

function equalScalar(x: unknown, v: Scalar): boolean {
  return typeof x === typeof v && x === v;
}

function compare(x: unknown, v: number | string): number | null {
  if (typeof v === "number") return typeof x === "number" ? x - v : null;
  return typeof x === "string" ? compareStrings(x, v) : null;
}

/** Resolves a date operand against `now`. */
export function resolveDate(value: DateValue, now: Date): Date {
  if (typeof value === "string") return new Date(value);
  const ms = durationToMs(value);
  return new Date(now.getTime() + (value.direction === "ago" ? -ms : ms));
}

/** Whether the values found at a field satisfy one attribute test. */
export function matchFound(
  found: readonly unknown[],
  leaf: AttributeCondition,
  now: Date,
): boolean {
  const values = candidates(found);
  switch (leaf.op) {
    case "eq":
      return values.some((x) => equalScalar(x, leaf.value));
    case "neq":
      return !values.some((x) => equalScalar(x, leaf.value));
    case "gt":
      return values.some((x) => {
        const c = compare(x, leaf.value);
        return c !== null && c > 0;
      });
    case "gte":
      return values.some((x) => {
        const c = compare(x, leaf.value);
        return c !== null && c >= 0;
      });
    case "lt":
      return values.some((x) => {
        const c = compare(x, leaf.value);
        return c !== null && c < 0;
      });
    case "lte":
      return values.some((x) => {
        const c = compare(x, leaf.value);
        return c !== null && c <= 0;
      });
    case "in":
      return values.some((x) => leaf.value.some((v) => equalScalar(x, v)));
    case "contains": {
      const v = leaf.value;
      if (typeof v === "string") return values.some((x) => typeof x === "string" && x.includes(v));
      return values.some((x) => equalScalar(x, v));
    }
    case "exists":
      return leaf.value ? found.length > 0 : found.length === 0;
    case "before":
    case "after": {
      const d = resolveDate(leaf.value, now);
      const t = d.getTime();
      if (Number.isNaN(t)) return false;
      const iso = d.toISOString();
      const sign = leaf.op === "before" ? -1 : 1;
      const dateHit = values.some((x) => x instanceof Date && Math.sign(x.getTime() - t) === sign);
      const looksLikeDate = values.some((x) => typeof x === "string" && ISO_DATE_RE.test(x));
      const textHit = values.some(
        (x) => typeof x === "string" && Math.sign(compareStrings(x, iso)) === sign,
      );
      return dateHit || (looksLikeDate && textHit);
    }
    default:
      return assertNever(leaf);
  }
}
