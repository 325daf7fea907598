/** The subset of JSON Schema (draft 2020-12, as zod's toJSONSchema writes it) the form renderer reads. */
export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  [key: string]: unknown;
};

/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every JSON object is a schema the renderer can read (unknown keywords are ignored). */
export function isJsonSchema(value: unknown): value is JsonSchema {
  return isRecord(value);
}

/** Takes a JSON Schema from zod or the API; anything that is not an object becomes an empty object schema. */
export function asJsonSchema(value: unknown): JsonSchema {
  return isJsonSchema(value) ? value : { type: "object", properties: {} };
}

/** Follows `$ref` (local `#/$defs/...` only) and merges `allOf` into one schema. */
export function resolve(schema: JsonSchema, root: JsonSchema, depth = 0): JsonSchema {
  if (depth > 20) return schema;
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/(\$defs|definitions)\//, "");
    const target = root.$defs?.[name] ?? root.definitions?.[name];
    if (schema.$ref === "#")
      return resolve({ ...root, ...without(schema, "$ref") }, root, depth + 1);
    if (target) return resolve({ ...target, ...without(schema, "$ref") }, root, depth + 1);
  }
  if (schema.allOf?.length) {
    const merged = schema.allOf.reduce<JsonSchema>(
      (acc, part) => {
        const r = resolve(part, root, depth + 1);
        return {
          ...acc,
          ...r,
          properties: { ...acc.properties, ...r.properties },
          required: [...(acc.required ?? []), ...(r.required ?? [])],
        };
      },
      without(schema, "allOf"),
    );
    return merged;
  }
  return schema;
}

function without(schema: JsonSchema, key: string): JsonSchema {
  const copy = { ...schema };
  delete copy[key];
  return copy;
}

export function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== "null");
  if (schema.type) return schema.type;
  if (schema.properties) return "object";
  if (schema.enum) return typeof schema.enum[0];
  if (schema.const !== undefined) return typeof schema.const;
  return undefined;
}

/** The alternatives of a union, without `null` (nullable fields render as their non-null type). */
export function alternatives(schema: JsonSchema, root: JsonSchema): JsonSchema[] {
  const list = schema.anyOf ?? schema.oneOf ?? [];
  return list.map((s) => resolve(s, root)).filter((s) => s.type !== "null");
}

/** Options of a select: an `enum`, or a union of `const`s. */
export function enumOptions(schema: JsonSchema, root: JsonSchema): unknown[] | null {
  if (schema.enum) return schema.enum;
  const alts = alternatives(schema, root);
  if (alts.length && alts.every((a) => a.const !== undefined || a.enum))
    return alts.flatMap((a) => (a.enum ? a.enum : [a.const]));
  return null;
}

/**
 * What a scalar field shows: its value, or while unset its schema's default (which applies on save), so the
 * form shows what will run rather than an empty box.
 */
export function shownValue(schema: JsonSchema, value: unknown): unknown {
  return value === undefined ? schema.default : value;
}

/** A starting value for a new field or array item: the schema's default, else an empty value of its type. */
export function defaultFor(schema: JsonSchema, root: JsonSchema, depth = 0): unknown {
  const s = resolve(schema, root);
  if (s.default !== undefined) return structuredClone(s.default);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (depth > 6) return undefined;
  const alts = alternatives(s, root);
  if (alts.length && !s.type) {
    const first = alts[0];
    return first ? defaultFor(first, root, depth + 1) : undefined;
  }
  switch (typeOf(s)) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) {
        const prop = s.properties?.[key];
        if (prop) out[key] = defaultFor(prop, root, depth + 1);
      }
      return out;
    }
    case "array":
      return [];
    case "string":
      return "";
    case "number":
    case "integer":
      return s.minimum ?? 0;
    case "boolean":
      return false;
    default:
      return undefined;
  }
}

/** How well a value fits one alternative of a union: used to show which alternative is selected. */
export function matchScore(value: unknown, schema: JsonSchema, root: JsonSchema): number {
  const s = resolve(schema, root);
  if (s.const !== undefined) return value === s.const ? 3 : -1;
  const t = typeOf(s);
  if (t === "object") {
    if (!isRecord(value)) return -1;
    let score = 1;
    for (const [key, prop] of Object.entries(s.properties ?? {})) {
      const p = resolve(prop, root);
      if (p.const !== undefined) {
        if (value[key] !== p.const) return -1;
        score += 3;
      } else if (key in value) score += 1;
    }
    for (const key of s.required ?? []) if (!(key in value)) score -= 2;
    for (const key of Object.keys(value))
      if (s.properties && !(key in s.properties) && s.additionalProperties === false) score -= 2;
    return score;
  }
  if (t === "array") return Array.isArray(value) ? 1 : -1;
  if (t === "integer") return typeof value === "number" ? 1 : -1;
  return typeof value === t ? 1 : -1;
}

export function bestAlternative(value: unknown, alts: JsonSchema[], root: JsonSchema): number {
  let best = 0;
  let bestScore = -Infinity;
  alts.forEach((alt, index) => {
    const score = matchScore(value, alt, root);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/** A short name for a union alternative, for the select that switches between them. */
export function alternativeLabel(schema: JsonSchema, root: JsonSchema, index: number): string {
  const s = resolve(schema, root);
  if (s.title) return s.title;
  if (s.description && s.description.length < 40) return s.description;
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    const p = resolve(prop, root);
    if (p.const !== undefined) return humanise(String(p.const));
    if (s.required?.includes(key) && Object.keys(s.properties ?? {}).length <= 3)
      return humanise(key);
  }
  const t = typeOf(s);
  return t ? humanise(t) : `Option ${index + 1}`;
}

/** "reentryPolicy" → "Reentry policy"; "within_days" → "Within days". */
/** Words a key's letters do not spell as a marketer reads them. */
const WORDS: Record<string, string> = {
  id: "name",
  sms: "SMS",
  inapp: "in-app",
  api: "API",
  url: "URL",
  urls: "URLs",
  html: "HTML",
  utm: "UTM",
  smtp: "SMTP",
  vapid: "VAPID",
  whatsapp: "WhatsApp",
  attr: "attribute",
  op: "comparison",
  ttl: "lifetime",
};

/** "quietHours" → "Quiet hours", "sms" → "SMS", "apiKeys" → "API keys": a key as a label. */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((w) => WORDS[w] ?? w)
    .join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A label inside a sentence: "Quiet hours" → "quiet hours", "SMS" stays "SMS". */
export function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** "Channels" → "Channel", "Cases" → "Case": what one item of a list is called. */
export function singular(label: string): string {
  if (/ies$/i.test(label)) return label.replace(/ies$/i, "y");
  if (/[^s]s$/i.test(label)) return label.slice(0, -1);
  return label;
}
