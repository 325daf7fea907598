import type { NodeTypeInfo } from "../../catalog/types.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The second line of a node card: what this node is configured to do, in a few words. */
export function nodeSummary(
  info: NodeTypeInfo | undefined,
  config: Record<string, unknown>,
): string {
  const declared = info?.summarize?.(config);
  if (declared && declared !== info?.title) return declared;
  const order = info?.ui.order ?? Object.keys(config);
  for (const key of order) {
    const value = config[key];
    if (typeof value === "string" && value.trim())
      return value.length > 60 ? `${value.slice(0, 57)}…` : value;
    if (isRecord(value) && typeof value.amount === "number" && typeof value.unit === "string")
      return `${value.amount} ${value.unit}${value.amount === 1 ? "" : "s"}`;
  }
  return info?.description ?? "";
}
