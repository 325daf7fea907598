// Reports to the benchmark driver (window.__bench) when the canvas is interactive: every node has been
// measured by React Flow (so it is visible and its handles are placed), the viewport has been fitted, and
// two animation frames have been painted after that.
import { useReactFlow, useStore, type ReactFlowState } from "@xyflow/react";
import { useEffect } from "react";

export type BenchProbe = { ready: number | null; nodes: number; error: string | null };

declare global {
  interface Window {
    __bench: BenchProbe;
  }
}

window.__bench = { ready: null, nodes: 0, error: null };
window.addEventListener("error", (event) => (window.__bench.error = String(event.message)));

/**
 * Every node measured, read from React Flow's own copies of the nodes. (`useNodesInitialized` is a flag that
 * React Flow recomputes only when it is handed new node objects; a canvas that keeps its node objects while
 * React Flow measures them, as the studio's does, is measured without that flag changing.)
 */
function everyNodeMeasured(s: ReactFlowState): boolean {
  if (s.nodeLookup.size === 0) return false;
  for (const node of s.nodeLookup.values()) {
    const { width, height } = node.measured;
    if (width === undefined || height === undefined || !node.internals.handleBounds) return false;
  }
  return true;
}

export function ReadyProbe({ expected }: { expected: number }) {
  const initialised = useStore(everyNodeMeasured);
  const flow = useReactFlow();
  useEffect(() => {
    if (!initialised || window.__bench.ready !== null) return;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        window.__bench.nodes = document.querySelectorAll(".react-flow__node").length;
        if (window.__bench.nodes < expected)
          window.__bench.error = `only ${window.__bench.nodes} of ${expected} nodes rendered`;
        window.__bench.ready = performance.now();
      }),
    );
  }, [initialised, flow, expected]);
  return null;
}
