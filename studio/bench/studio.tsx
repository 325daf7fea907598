// The studio's real canvas (studio/src/canvas/Canvas.tsx: its node components, edges, minimap, controls and
// store) opening a 500-node journey, without the API: the catalog is the shared registry's built-ins.
import "@xyflow/react/dist/style.css";
import "../src/styles/tokens.css";
import "../src/styles/app.css";
import "../src/styles/editor.css";
import { ReactFlowProvider } from "@xyflow/react";
import { createRoot } from "react-dom/client";
import { Canvas } from "../src/canvas/Canvas.js";
import { EditorContext } from "../src/canvas/hooks/EditorContext.js";
import { createEditorStore } from "../src/canvas/store/editorStore.js";
import { buildCatalog } from "../src/catalog/catalog.js";
import { sharedNodeTypes } from "../src/catalog/shared.js";
import { benchJourney } from "./graph.js";
import { ReadyProbe } from "./probe.js";

const doc = benchJourney();
const store = createEditorStore();
store.getState().load(doc);
const catalog = buildCatalog([], sharedNodeTypes());

const root = document.getElementById("root");
if (!root) throw new Error("no #root");
createRoot(root).render(
  <EditorContext.Provider value={{ store, catalog }}>
    <ReactFlowProvider>
      <div className="editor__canvas" style={{ width: "100vw", height: "100vh" }}>
        <Canvas />
      </div>
      <ReadyProbe expected={doc.nodes.length} />
    </ReactFlowProvider>
  </EditorContext.Provider>,
);
