import { portsFor } from "../../catalog/catalog.js";
import type { NodeTypeInfo } from "../../catalog/types.js";
import { useEditorEnvironment } from "./EditorContext.js";

/** A node type's catalog entry and the output ports a config gives it. */
export function useNodeInfo(
  type: string,
  config: unknown,
): { info: NodeTypeInfo | undefined; ports: string[] } {
  const { catalog } = useEditorEnvironment();
  const info = catalog.get(type);
  return { info, ports: portsFor(info, config) };
}
