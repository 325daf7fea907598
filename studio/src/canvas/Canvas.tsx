import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  getViewportForBounds,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type Viewport,
} from "@xyflow/react";
import { useCallback, useMemo, useRef, useState, type DragEvent } from "react";
import { portsFor } from "../catalog/catalog.js";
import { useEditorEnvironment } from "./hooks/EditorContext.js";
import { useAddNode } from "./hooks/useAddNode.js";
import { useEditor } from "./hooks/useEditor.js";
import { FarViewContext, useZoomedFar } from "./hooks/useFarView.js";
import { useIdleSizeReports } from "./hooks/useIdleSizeReports.js";
import { flowNodeTypes } from "./nodes/flowNodeTypes.js";
import { CARD_HEIGHT_GUESS, NODE_WIDTH } from "./nodes/size.js";
import { portTaken } from "./store/changes.js";
import { createFlowEdgeDeriver, createFlowNodeDeriver } from "./store/flow.js";
import { nextEdgeId } from "./store/ids.js";
import type { JourneyFlowEdge, JourneyFlowNode } from "./store/types.js";

export const PALETTE_MIME = "application/x-omnijourney-node";

const MINIMAP_COLORS: Record<string, string> = {
  trigger: "#7c3aed",
  message: "#0b7fbf",
  timing: "#b45309",
  logic: "#0f766e",
  data: "#4d5bd6",
  goal: "#15803d",
};

// React Flow compares its props between renders and updates its store (running every node's, edge's and
// minimap node's subscription) for each one that is a new object, so the constant ones are created once.
const DEFAULT_EDGE_OPTIONS = { type: "smoothstep" } as const;
const SNAP_GRID: [number, number] = [10, 10];
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.1 };
const PRO_OPTIONS = { hideAttribution: true };
const MULTI_SELECTION_KEYS = ["Meta", "Control", "Shift"];
const MINIMAP_STYLE = { width: 150, height: 100 };
const MIN_ZOOM = 0.1;
const MAX_ZOOM = 2;

/**
 * The fitted viewport guessed from the steps' stored positions and the window's size, before React Flow has
 * measured anything; `fitView` then corrects it to the cards' real sizes and the canvas's own box.
 */
function estimatedFit(nodes: readonly { position: { x: number; y: number } }[]): Viewport {
  if (nodes.length === 0) return { x: 0, y: 0, zoom: 1 };
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  const bounds = {
    x,
    y,
    width: Math.max(...xs) - x + NODE_WIDTH,
    height: Math.max(...ys) - y + CARD_HEIGHT_GUESS,
  };
  return getViewportForBounds(
    bounds,
    window.innerWidth,
    window.innerHeight,
    MIN_ZOOM,
    FIT_VIEW_OPTIONS.maxZoom,
    FIT_VIEW_OPTIONS.padding,
  );
}

/** The React Flow canvas. Every edit it makes goes through the store's `dispatch` as a change object. */
export function Canvas() {
  const { store, catalog } = useEditorEnvironment();
  const flow = useReactFlow<JourneyFlowNode, JourneyFlowEdge>();
  const graph = useEditor((s) => s.graph);
  const selection = useEditor((s) => s.selection);
  const measured = useEditor((s) => s.measured);
  const readOnly = useEditor((s) => s.readOnly);
  const simulation = useEditor((s) => s.simulation);
  const problemsByElement = useEditor((s) => s.problemsByElement);
  const deriveNodes = useMemo(createFlowNodeDeriver, []);
  const deriveEdges = useMemo(createFlowEdgeDeriver, []);
  const reconnecting = useRef<string | null>(null);
  const addNode = useAddNode();
  const { report: reportSizes, withPending, settled: sizesSettled } = useIdleSizeReports(store);
  const far = useZoomedFar();

  // Fit the view to a journey that opens with steps; on an empty canvas, dropping the first step must not re-zoom.
  const [fitOnOpen] = useState(() => store.getState().graph.nodes.length > 0);
  // Open near the fitted view already, so cards first render at the zoom they will be seen at (useFarView).
  const [openingViewport] = useState(() => estimatedFit(store.getState().graph.nodes));

  const visitedEdges = useMemo(() => {
    if (!simulation) return null;
    const set = new Set<string>();
    for (let i = 0; i + 1 < simulation.path.length; i++) {
      const from = simulation.path[i];
      const to = simulation.path[i + 1];
      for (const e of graph.edges) if (e.source === from && e.target === to) set.add(e.id);
    }
    return set;
  }, [simulation, graph.edges]);

  // Same arrays while their inputs are unchanged, so a re-render of the canvas (the view helper, a size
  // report) does not make React Flow re-adopt every node and edge.
  const nodes = useMemo(
    () => deriveNodes(graph, selection, withPending(measured), readOnly),
    [deriveNodes, graph, selection, measured, readOnly, withPending],
  );
  const edges = useMemo(
    () => deriveEdges(graph, selection, visitedEdges, problemsByElement),
    [deriveEdges, graph, selection, visitedEdges, problemsByElement],
  );

  /** Minimap fill by category; one function for the canvas's life, so minimap nodes are not re-rendered. */
  const nodeColor = useCallback(
    (n: JourneyFlowNode) =>
      MINIMAP_COLORS[catalog.get(String(n.data.type))?.category ?? ""] ?? "#98a0b3",
    [catalog],
  );

  const portsOf = useCallback(
    (nodeId: string) => {
      const node = store.getState().graph.nodes.find((n) => n.id === nodeId);
      return node ? portsFor(catalog.get(node.type), node.config) : [];
    },
    [store, catalog],
  );

  /** A single-output node's edge carries no handle name (DESIGN.md); a branching one names its port. */
  const handleFor = useCallback(
    (nodeId: string, handle: string | null | undefined) =>
      portsOf(nodeId).length > 1 ? (handle ?? null) : null,
    [portsOf],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyFlowNode>[]) => {
      const state = store.getState();
      const positions: Record<string, { x: number; y: number }> = {};
      const dims: Record<string, { width: number; height: number }> = {};
      let selected: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === "position" && change.position) positions[change.id] = change.position;
        else if (change.type === "dimensions" && change.dimensions)
          dims[change.id] = change.dimensions;
        else if (change.type === "select") {
          selected ??= new Set(state.selection.nodeIds);
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      if (Object.keys(dims).length) reportSizes(dims);
      if (Object.keys(positions).length) state.dispatch({ kind: "moveNodes", positions });
      if (selected) store.getState().setSelection(selected, store.getState().selection.edgeIds);
    },
    [store, reportSizes],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<JourneyFlowEdge>[]) => {
      const state = store.getState();
      let selected: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === "select") {
          selected ??= new Set(state.selection.edgeIds);
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      if (selected) state.setSelection(state.selection.nodeIds, selected);
    },
    [store],
  );

  const isValidConnection = useCallback(
    (connection: Connection | Edge) => {
      if (!connection.source || !connection.target || connection.source === connection.target)
        return false;
      const handle = handleFor(connection.source, connection.sourceHandle);
      const except = "id" in connection ? connection.id : (reconnecting.current ?? undefined);
      return !portTaken(store.getState().graph, connection.source, handle, except);
    },
    [store, handleFor],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const { graph: g, dispatch } = store.getState();
      dispatch({
        kind: "addEdge",
        edge: {
          id: nextEdgeId(g.edges.map((e) => e.id)),
          source: connection.source,
          target: connection.target,
          ...(handleFor(connection.source, connection.sourceHandle)
            ? { sourceHandle: connection.sourceHandle }
            : {}),
        },
      });
    },
    [store, handleFor],
  );

  const onReconnect = useCallback(
    (old: Edge, connection: Connection) => {
      reconnecting.current = null;
      store.getState().dispatch({
        kind: "reconnectEdge",
        edgeId: old.id,
        source: connection.source,
        sourceHandle: handleFor(connection.source, connection.sourceHandle),
        target: connection.target,
      });
    },
    [store, handleFor],
  );

  const onReconnectEnd = useCallback(
    (_: unknown, edge: Edge) => {
      // An edge dragged off its node and dropped on empty canvas is removed, as in React Flow's examples.
      if (reconnecting.current === edge.id)
        store.getState().dispatch({ kind: "removeElements", nodeIds: [], edgeIds: [edge.id] });
      reconnecting.current = null;
    },
    [store],
  );

  const onReconnectStart = useCallback((_: unknown, edge: Edge) => {
    reconnecting.current = edge.id;
  }, []);
  const beginGesture = useCallback(() => store.getState().beginGesture(), [store]);
  const endGesture = useCallback(() => store.getState().endGesture(), [store]);
  const onPaneClick = useCallback(() => store.getState().setSelection([], []), [store]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // Dropped on a connection: the new step goes between its two ends, as one undo step.
      const edgeId = document
        .elementsFromPoint(event.clientX, event.clientY)
        .map((el) => el.closest(".react-flow__edge")?.getAttribute("data-id"))
        .find((id): id is string => Boolean(id));
      const edge = edgeId ? store.getState().graph.edges.find((e) => e.id === edgeId) : undefined;
      const state = store.getState();
      state.beginGesture();
      const id = addNode(type, {
        x: Math.round(point.x - NODE_WIDTH / 2),
        y: Math.round(point.y - 30),
      });
      if (id && edge) {
        const added = store.getState().graph.nodes.find((n) => n.id === id);
        const ports = added ? portsFor(catalog.get(added.type), added.config) : [];
        const taken = store.getState().graph.edges.map((e) => e.id);
        const into = nextEdgeId(taken);
        const out = nextEdgeId([...taken, into]);
        const { dispatch } = store.getState();
        dispatch({ kind: "removeElements", nodeIds: [], edgeIds: [edge.id] });
        dispatch({
          kind: "addEdge",
          edge: {
            id: into,
            source: edge.source,
            target: id,
            ...(edge.sourceHandle ? { sourceHandle: edge.sourceHandle } : {}),
          },
        });
        const port = ports[0];
        if (port)
          dispatch({
            kind: "addEdge",
            edge: {
              id: out,
              source: id,
              target: edge.target,
              ...(ports.length > 1 ? { sourceHandle: port } : {}),
            },
          });
      }
      store.getState().endGesture();
    },
    [flow, addNode, store, catalog],
  );

  return (
    <FarViewContext.Provider value={far}>
      <ReactFlow<JourneyFlowNode, JourneyFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={flowNodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        // A selected edge is reconnectable (store/flow.ts, which sets it on every edge, so the canvas-wide
        // `edgesReconnectable` has no say); React Flow offers it only with a handler: none when read-only.
        onReconnect={readOnly ? undefined : onReconnect}
        onReconnectStart={onReconnectStart}
        onReconnectEnd={onReconnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStart={beginGesture}
        onNodeDragStop={endGesture}
        onSelectionDragStart={beginGesture}
        onSelectionDragStop={endGesture}
        onPaneClick={onPaneClick}
        onDragOver={onDragOver}
        onDrop={onDrop}
        nodesConnectable={!readOnly}
        nodesDraggable={!readOnly}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        connectionLineType={ConnectionLineType.SmoothStep}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        snapToGrid
        snapGrid={SNAP_GRID}
        fitView={fitOnOpen}
        fitViewOptions={FIT_VIEW_OPTIONS}
        defaultViewport={openingViewport}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        proOptions={PRO_OPTIONS}
        aria-label="Journey canvas"
        className={far ? "canvas--far" : undefined}
      >
        {far ? null : (
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.3} color="#c9cedb" />
        )}
        {/* It draws steps from their stored sizes, so it is mounted once those are in: mounted earlier, it
          rendered an empty entry per step while a large journey opened, then each again. */}
        {sizesSettled ? (
          <MiniMap
            pannable
            zoomable
            ariaLabel="Mini map"
            style={MINIMAP_STYLE}
            nodeColor={nodeColor}
            nodeBorderRadius={6}
          />
        ) : null}
        <Controls showInteractive={false} />
      </ReactFlow>
    </FarViewContext.Provider>
  );
}
