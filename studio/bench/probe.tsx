// Reports to the benchmark driver (window.__bench) when the canvas is interactive: every node has been
// measured by React Flow (so it is visible and its handles are placed), the viewport has been fitted, and
// two animation frames have been painted after that.
import { useNodesInitialized, useReactFlow } from "@xyflow/react";
import { useEffect } from "react";

export type BenchProbe = { ready: number | null; nodes: number; error: string | null };

declare global {
  interface Window {
    __bench: BenchProbe;
  }
}

window.__bench = { ready: null, nodes: 0, error: null };
window.addEventListener("error", (event) => (window.__bench.error = String(event.message)));

export function ReadyProbe({ expected }: { expected: number }) {
  const initialised = useNodesInitialized();
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
