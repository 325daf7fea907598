import { NodeCategory, type NodeTypesResponse } from "@omnijourney/shared";
import type { JsonSchema } from "../panels/form/jsonSchema.js";
import type { Catalog, NodeTypeInfo } from "./types.js";

/** Palette order: the order the shared contract lists the categories in. */
const CATEGORY_ORDER: readonly string[] = NodeCategory.options;
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

/** The studio's entries for the node types `GET /api/node-types` describes. */
export function fromApiNodeTypes(response: NodeTypesResponse): NodeTypeInfo[] {
  return response.items.map((t) => ({
    type: t.type,
    title: t.title,
    description: t.description,
    category: t.category,
    icon: t.icon,
    version: t.version,
    schema: t.configSchema satisfies JsonSchema,
    staticOutputs: t.outputs,
    ui: t.ui,
    custom: true,
  }));
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
    const ca = CATEGORY_ORDER.indexOf(a.category);
    const cb = CATEGORY_ORDER.indexOf(b.category);
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
    .filter((c) => !CATEGORY_ORDER.includes(c))
    .map((c) => ({
      category: c,
      label: CATEGORY_LABELS[c] ?? c.charAt(0).toUpperCase() + c.slice(1),
      types: groups.get(c) ?? [],
    }));
  return [...known, ...other];
}
