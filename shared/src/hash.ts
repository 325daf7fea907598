import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

function canonical(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v: unknown = Reflect.get(value, key);
    if (v !== undefined && typeof v !== "function") out[key] = canonical(v);
  }
  return out;
}

/**
 * Canonical JSON: object keys sorted, `undefined` members dropped, Dates as ISO strings. Two values that are
 * equal as data always give the same string, whatever order their keys were written in. (Integer-like keys are
 * emitted first in numeric order by JSON.stringify itself; that order is still a function of the data alone.)
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? "null";
}

/** SHA-256 (pure JS, @noble/hashes) of a string, as lower-case hex. Works in Node, browsers and Temporal workflows. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** SHA-256 hex of a value's canonical JSON. */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
