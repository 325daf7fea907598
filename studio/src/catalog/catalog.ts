import { z } from "zod";
import type { JsonSchema } from "../panels/form/jsonSchema.js";
import type { Catalog, NodeTypeInfo, UiHints } from "./types.js";

export const CATEGORY_ORDER = [
  "trigger",
  "message",
  "timing",
  "logic",
  "data",
  "action",
  "goal",
] as const;
export const CATEGORY_LABELS: Record<string, string> = {
  trigger: "Triggers",
  message: "Messages",
  timing: "Timing",
  logic: "Logic",
  data: "Data",
  action: "Actions",
  goal: "Goals",
  custom: "Custom",
};

const ApiNodeType = z.looseObject({
  type: z.string(),
  title: z.string().optional(),
  description: z.string().nullish(),
  category: z.string().default("action"),
  icon: z.string().default("box"),
  version: z.number().default(1),
  schema: z.record(z.string(), z.unknown()).optional(),
  configSchema: z.record(z.string(), z.unknown()).optional(),
  jsonSchema: z.record(z.string(), z.unknown()).optional(),
  outputs: z.array(z.string()).nullish(),
  staticOutputs: z.array(z.string()).nullish(),
  ports: z.array(z.string()).nullish(),
  ui: z.record(z.string(), z.unknown()).default({}),
});

const UiHintsSchema = z.looseObject({
  order: z.array(z.string()).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  help: z.record(z.string(), z.string()).optional(),
  liquid: z.array(z.string()).optional(),
  segmentFields: z.array(z.string()).optional(),
  eventFields: z.array(z.string()).optional(),
  conditionFields: z.array(z.string()).optional(),
  multiline: z.array(z.string()).optional(),
  ports: z.record(z.string(), z.string()).optional(),
  color: z.string().optional(),
});

function hints(raw: unknown): UiHints {
  const parsed = UiHintsSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** Parses `GET /api/node-types` (an array, or `{ items }` / `{ nodeTypes }`). */
export function parseApiNodeTypes(raw: unknown): NodeTypeInfo[] {
  const list = Array.isArray(raw)
    ? raw
    : (z
        .looseObject({
          items: z.array(z.unknown()).optional(),
          nodeTypes: z.array(z.unknown()).optional(),
        })
        .parse(raw).items ??
      z.looseObject({ nodeTypes: z.array(z.unknown()).optional() }).parse(raw).nodeTypes ??
      []);
  const out: NodeTypeInfo[] = [];
  for (const entry of list) {
    const parsed = ApiNodeType.safeParse(entry);
    if (!parsed.success) continue;
    const t = parsed.data;
    out.push({
      type: t.type,
      title: t.title ?? t.type,
      description: t.description ?? "",
      category: t.category,
      icon: t.icon,
      version: t.version,
      schema: (t.configSchema ??
        t.schema ??
        t.jsonSchema ?? { type: "object", properties: {} }) satisfies JsonSchema,
      staticOutputs: t.staticOutputs ?? t.outputs ?? t.ports ?? null,
      ui: hints(t.ui),
      custom: true,
    });
  }
  return out;
}

/**
 * Merges the node types the API reports with those of the shared registry loaded in the browser.
 * The API is the source of truth for which types exist (custom types live only there); the shared
 * registry contributes what JSON cannot carry: ports computed from a config (variants, cases).
 */
export function buildCatalog(apiTypes: NodeTypeInfo[], sharedTypes: NodeTypeInfo[]): Catalog {
  const byType = new Map<string, NodeTypeInfo>();
  // Used as they are when already marked built-in (not spread into a copy), so a lazily computed field
  // (a shared type's `schema` getter) stays lazy.
  for (const t of sharedTypes) byType.set(t.type, t.custom === false ? t : { ...t, custom: false });
  for (const t of apiTypes) {
    const local = byType.get(t.type);
    byType.set(
      t.type,
      local
        ? {
            ...t,
            ui: { ...local.ui, ...t.ui },
            outputsFor: local.outputsFor,
            summarize: local.summarize,
            custom: false,
            staticOutputs: t.staticOutputs ?? local.staticOutputs,
          }
        : t,
    );
  }
  const types = [...byType.values()].sort((a, b) => {
    const ca = CATEGORY_ORDER.indexOf(a.category as (typeof CATEGORY_ORDER)[number]);
    const cb = CATEGORY_ORDER.indexOf(b.category as (typeof CATEGORY_ORDER)[number]);
    return (ca < 0 ? 99 : ca) - (cb < 0 ? 99 : cb);
  });
  return { types, get: (type) => byType.get(type) };
}

/** The output ports of a node with this config: computed when the type can, else its fixed list. */
export function portsFor(info: NodeTypeInfo | undefined, config: unknown): string[] {
  if (!info) return ["next"];
  if (info.outputsFor) {
    try {
      const ports = info.outputsFor(config);
      if (ports) return ports;
    } catch {
      // A config mid-edit may not parse; fall back to the fixed ports below.
    }
  }
  return info.staticOutputs ?? [];
}

/** Groups palette entries by category, in palette order; unknown categories go last. */
export function groupByCategory(
  types: NodeTypeInfo[],
): { category: string; label: string; types: NodeTypeInfo[] }[] {
  const groups = new Map<string, NodeTypeInfo[]>();
  for (const t of types) {
    // Types only the API knows (plugins) get their own palette group, whatever their category.
    const key = t.custom ? "custom" : t.category;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const known = CATEGORY_ORDER.filter((c) => groups.has(c)).map((c) => ({
    category: c,
    label: CATEGORY_LABELS[c] ?? c,
    types: groups.get(c) ?? [],
  }));
  const other = [...groups.keys()]
    .filter((c) => !CATEGORY_ORDER.includes(c as (typeof CATEGORY_ORDER)[number]))
    .map((c) => ({
      category: c,
      label: CATEGORY_LABELS[c] ?? c.charAt(0).toUpperCase() + c.slice(1),
      types: groups.get(c) ?? [],
    }));
  return [...known, ...other];
}
