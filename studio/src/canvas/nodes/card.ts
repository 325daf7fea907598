import { portsFor } from "../../catalog/catalog.js";
import { humanise } from "../../panels/form/jsonSchema.js";
import type { NodeTypeInfo } from "../../catalog/types.js";
import { nodeSummary } from "./summary.js";

/**
 * What a node card derives from its config (output ports and summary line), computed once per node type
 * and config object. Both parse the config with the type's schema; configs are immutable in the editor
 * store (an edit replaces the object), so the config's identity is a sound cache key.
 */
type Derived = { ports?: string[]; summary?: string };
const byType = new WeakMap<NodeTypeInfo, WeakMap<object, Derived>>();

function entry(info: NodeTypeInfo, config: object): Derived {
  let byConfig = byType.get(info);
  if (!byConfig) byType.set(info, (byConfig = new WeakMap()));
  let derived = byConfig.get(config);
  if (!derived) byConfig.set(config, (derived = {}));
  return derived;
}

/** `portsFor`, memoised per (type, config). */
export function cardPorts(
  info: NodeTypeInfo | undefined,
  config: Record<string, unknown>,
): string[] {
  if (!info) return portsFor(info, config);
  const derived = entry(info, config);
  return (derived.ports ??= portsFor(info, config));
}

/** `nodeSummary`, memoised per (type, config). */
export function cardSummary(
  info: NodeTypeInfo | undefined,
  config: Record<string, unknown>,
): string {
  if (!info) return nodeSummary(info, config);
  const derived = entry(info, config);
  return (derived.summary ??= nodeSummary(info, config));
}

const portLabels = new Map<string, string>();

/** A port's label on the card ("timeout" → "Timeout"), computed once per port name. */
export function portLabel(port: string): string {
  let label = portLabels.get(port);
  if (label === undefined) portLabels.set(port, (label = humanise(port)));
  return label;
}
