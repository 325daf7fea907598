/**
 * Node-type versions on journey documents. Every node records the version of its type its config was written
 * for (`typeVersion`); when a type's version moves on, `upgradeNodeConfigs` runs the type's `migrate` so the
 * draft, validation and publishing see a config of the current version. Published plans are not rewritten:
 * the runtime migrates a plan node's config when the step runs (`NodeType.upgradeConfig`).
 */
import type { NodeTypeRegistry } from "./registry.js";

/**
 * What a node without `typeVersion` was written for: "current" for a document a client is sending now (it was
 * written against today's schemas), "first" for one read from storage (saved before versions were recorded,
 * when every type was at version 1).
 */
export type UnstampedNodes = "current" | "first";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The document with every node of a known type at its type's current version: its config migrated, its
 * `typeVersion` stamped. Nodes of unknown types, nodes written for a newer version than this registry's, nodes
 * whose `migrate` throws, and anything that is not a node are left as they are: the validator reports them
 * (a config that does not fit the current schema is an `invalid_config` problem), so no caller fails here.
 */
export function upgradeNodeConfigs<D>(
  document: D,
  registry: NodeTypeRegistry,
  unstamped: UnstampedNodes,
): D {
  if (!isRecord(document) || !Array.isArray(document.nodes)) return document;
  const nodes = document.nodes.map((node: unknown) => {
    if (!isRecord(node) || typeof node.type !== "string") return node;
    const type = registry.get(node.type);
    if (!type) return node;
    const recorded = typeof node.typeVersion === "number" ? node.typeVersion : undefined;
    if (recorded !== undefined && recorded >= type.version) return node;
    const from = recorded ?? (unstamped === "current" ? type.version : 1);
    try {
      return { ...node, config: type.upgradeConfig(node.config, from), typeVersion: type.version };
    } catch {
      return node;
    }
  });
  return { ...document, nodes };
}
