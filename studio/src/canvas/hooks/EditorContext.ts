import { createContext, useContext } from "react";
import type { Catalog } from "../../catalog/types.js";
import type { EditorStore } from "../store/editorStore.js";

export type EditorEnvironment = { store: EditorStore; catalog: Catalog };

export const EditorContext = createContext<EditorEnvironment | null>(null);

export function useEditorEnvironment(): EditorEnvironment {
  const env = useContext(EditorContext);
  if (!env) throw new Error("Editor hooks must be used inside <EditorContext.Provider>");
  return env;
}
