/**
 * Stored keys may not contain "." or "$" (MongoDB subset, DESIGN.md). User-supplied keys (trait names,
 * event names used as counter keys) are percent-escaped: "%" → "%25", "." → "%2E", "$" → "%24".
 * Escaping "%" first keeps the mapping reversible.
 */
export function escapeKey(key: string): string {
  return key.replace(/%/g, "%25").replace(/\./g, "%2E").replace(/\$/g, "%24");
}

/** Inverse of {@link escapeKey}. */
export function unescapeKey(key: string): string {
  return key.replace(/%2E/g, ".").replace(/%24/g, "$").replace(/%25/g, "%");
}

/** Keys that would reach an object's prototype when assigned with `obj[key] = …`. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** True when a key is safe to use as a property name in plain objects. */
export function isSafeKey(key: string): boolean {
  return !UNSAFE_KEYS.has(key);
}

/** Own-property read that never reaches the prototype chain. */
export function ownValue(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== "object") return undefined;
  return Object.prototype.hasOwnProperty.call(obj, key)
    ? (obj as Record<string, unknown>)[key]
    : undefined; // cast: narrowing an object to an indexable record after the own-key check
}
