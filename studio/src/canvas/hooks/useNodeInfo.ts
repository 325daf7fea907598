import type { NodeTypeInfo } from "../../catalog/types.js";
import { cardPorts } from "../nodes/card.js";
import { useEditorEnvironment } from "./EditorContext.js";

/** A node type's catalog entry and the output ports a config gives it (memoised per type and config). */
export function useNodeInfo(
  type: string,
  config: Record<string, unknown>,
): { info: NodeTypeInfo | undefined; ports: string[] } {
  const { catalog } = useEditorEnvironment();
  const info = catalog.get(type);
  return { info, ports: cardPorts(info, config) };
}
