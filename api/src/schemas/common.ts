import { z } from "zod";

/**
 * Stored keys may not contain "." or "$" (MongoDB paths and operators), nor text MongoDB cannot store; user input
 * with them is refused.
 */
export const FORBIDDEN_KEY = /[.$]/;
const MAX_DEPTH = 16;

// Text MongoDB cannot store faithfully: a NUL ends a BSON key (and every name that becomes a key or an id), and an
// unpaired UTF-16 surrogate has no UTF-8 form (BSON strings are UTF-8), so it would be stored as something else.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why a text cannot be stored as a key or an identifier, or null when it can. */
export const unstorableText = (text: string): string | null =>
  text.includes("\u0000")
    ? "must not contain the NUL character (\\u0000)"
    : LONE_SURROGATE.test(text)
      ? "must not contain an unpaired surrogate (invalid Unicode)"
      : null;

/** A string schema that also refuses text MongoDB cannot store (NUL, unpaired surrogates), naming the field. */
export const storable = <T extends z.ZodType<string>>(schema: T) =>
  schema.superRefine((value, ctx) => {
    const problem = unstorableText(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem, input: value });
  });

type Walk = { path: PropertyKey[]; message: string };

export const findForbidden = (value: unknown, path: PropertyKey[], depth: number): Walk | null => {
  if (depth > MAX_DEPTH) return { path, message: `nested deeper than ${MAX_DEPTH} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbidden(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "string") {
    // NUL is a valid character inside a stored string; an unpaired surrogate is not.
    return LONE_SURROGATE.test(value)
      ? { path, message: "must not contain an unpaired surrogate (invalid Unicode)" }
      : null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (FORBIDDEN_KEY.test(key))
        return { path: [...path, key], message: `key '${key}' must not contain '.' or '$'` };
      const keyProblem = unstorableText(key);
      if (keyProblem) return { path: [...path, key], message: `key ${keyProblem}` };
      const found = findForbidden(child, [...path, key], depth + 1);
      if (found) return found;
    }
  }
  return null;
};

/**
 * A free-form JSON object (traits, properties, context) whose keys, at any depth, contain no "." or "$" and
 * whose keys and strings are storable text.
 * Refusing them here is what keeps `{"$gt": ""}` from ever reaching a MongoDB filter or update.
 */
export const SafeObject = z
  .record(z.string(), z.unknown())
  .superRefine((value, ctx) => {
    const found = findForbidden(value, [], 0);
    if (found)
      ctx.addIssue({ code: "custom", path: found.path, message: found.message, input: value });
  })
  .meta({ description: "JSON object; keys may not contain '.' or '$' at any depth" });
export type SafeObject = z.infer<typeof SafeObject>;

/** Identifiers in paths and filters: strings only, so an operator object can never take their place. */
export const Id = storable(z.string().min(1).max(256));

export const IdParams = z.object({ id: Id });

export const CursorQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const Ok = z.object({ ok: z.literal(true) });

/** Wraps a schema so keys with "." or "$" anywhere in the parsed value are refused, naming the key's path. */
export const safe = <T extends z.ZodType>(schema: T) =>
  schema.superRefine((value, ctx) => {
    const found = findForbidden(value, [], 0);
    if (found)
      ctx.addIssue({ code: "custom", path: found.path, message: found.message, input: value });
  });

/** Opaque cursors: the last item's sort key, base64url-encoded. */
export const encodeCursor = (value: string): string =>
  Buffer.from(value, "utf8").toString("base64url");
export const decodeCursor = (cursor: string | undefined): string | null => {
  if (!cursor) return null;
  try {
    return Buffer.from(cursor, "base64url").toString("utf8");
  } catch {
    return null;
  }
};
