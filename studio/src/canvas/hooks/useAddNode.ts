import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { defaultFor } from "../../panels/form/jsonSchema.js";
import { nextNodeId } from "../store/ids.js";
import { NODE_WIDTH } from "../nodes/size.js";
import { useEditorEnvironment } from "./EditorContext.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Adds a node of a type with its schema's defaults, at a flow position or the middle of the view; selects it. */
export function useAddNode(): (type: string, at?: { x: number; y: number }) => string | null {
  const { store, catalog } = useEditorEnvironment();
  const flow = useReactFlow();
  return useCallback(
    (type, at) => {
      const info = catalog.get(type);
      const state = store.getState();
      if (!info || state.readOnly) return null;
      let position = at;
      if (!position) {
        const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
        const center = flow.screenToFlowPosition(
          pane
            ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 3 }
            : { x: 400, y: 200 },
        );
        // Nudge each new node so that several added from the palette do not stack exactly.
        const n = state.graph.nodes.length % 5;
        position = {
          x: Math.round(center.x - NODE_WIDTH / 2 + n * 20),
          y: Math.round(center.y + n * 20),
        };
      }
      const id = nextNodeId(
        state.graph.nodes.map((node) => node.id),
        type,
      );
      const config = defaultFor(info.schema, info.schema);
      state.dispatch({
        kind: "addNodes",
        nodes: [{ id, type, position, config: isRecord(config) ? config : {} }],
      });
      store.getState().setSelection([id], []);
      return id;
    },
    [store, catalog, flow],
  );
}
