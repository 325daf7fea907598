import { useReactFlow } from "@xyflow/react";
import { useState } from "react";
import { Icon } from "../components/Icon.js";
import { useEditorEnvironment } from "../canvas/hooks/EditorContext.js";
import { useEditor } from "../canvas/hooks/useEditor.js";

/** The list of validation problems over the canvas; choosing one selects and centres its node. */
export function ProblemsPanel() {
  const { store, catalog } = useEditorEnvironment();
  const problems = useEditor((s) => s.problems);
  const flow = useReactFlow();
  const [open, setOpen] = useState(true);
  if (!problems.length) return null;

  /** The step a problem is about, by the name the marketer sees on the canvas. */
  const stepName = (nodeId: string | undefined, edgeId: string | undefined): string | null => {
    const graph = store.getState().graph;
    const id = nodeId ?? graph.edges.find((e) => e.id === edgeId)?.source;
    const node = graph.nodes.find((n) => n.id === id);
    if (!node) return null;
    return node.name?.trim() || catalog.get(node.type)?.title || "Step";
  };

  const focus = (nodeId: string | undefined, edgeId: string | undefined) => {
    const state = store.getState();
    const edge = edgeId ? state.graph.edges.find((e) => e.id === edgeId) : undefined;
    const id = nodeId ?? edge?.source;
    const node = state.graph.nodes.find((n) => n.id === id);
    if (!node) return;
    state.setSelection([node.id], edgeId ? [edgeId] : []);
    const size = state.measured[node.id] ?? { width: 240, height: 70 };
    flow.setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
      zoom: Math.max(flow.getZoom(), 0.9),
      duration: 300,
    });
  };

  return (
    <section
      className={open ? "problems problems--open" : "problems"}
      aria-label="Problems"
      data-testid="problems"
    >
      <button
        type="button"
        className="problems__toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <Icon name="alert" />
        {problems.length} problem{problems.length === 1 ? "" : "s"} to fix before publishing
        <span className="grow" />
        <span className="muted small">{open ? "Hide" : "Show"}</span>
      </button>
      {open ? (
        <ul className="problems__list">
          {problems.map((p, i) => (
            <li key={`${p.code}-${p.nodeId ?? p.edgeId ?? ""}-${i}`}>
              <button
                type="button"
                className="problems__item"
                onClick={() => focus(p.nodeId, p.edgeId)}
                disabled={!p.nodeId && !p.edgeId}
              >
                <span className="problems__message">{p.message}</span>
                {p.nodeId || p.edgeId ? (
                  <span className="problems__node">{stepName(p.nodeId, p.edgeId)}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
