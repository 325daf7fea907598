import { createStore, type StoreApi } from "zustand/vanilla";
import { DEFAULT_CARD, freePasteOffset } from "./placement.js";
import { applyChange, type Change } from "./changes.js";
import { emptyHistory, record, redo, undo } from "./history.js";
import { nextEdgeId, nextNodeId } from "./ids.js";
import { initialEditorData, type EditorData, type Simulation } from "./initialState.js";
import type {
  Graph,
  JourneyDocument,
  JourneyEdge,
  JourneyNode,
  NodeStats,
  Problem,
  SaveStatus,
} from "./types.js";

export type DispatchOptions = { coalesceKey?: string };

export type EditorActions = {
  /** Replaces the document (opening a journey); clears history. */
  load(doc: JourneyDocument, options?: { readOnly?: boolean }): void;
  /** The one entry point for edits. */
  dispatch(change: Change, options?: DispatchOptions): void;
  beginGesture(): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
  setSelection(nodeIds: Iterable<string>, edgeIds?: Iterable<string>): void;
  setMeasured(dimensions: Record<string, { width: number; height: number }>): void;
  copySelection(): number;
  paste(): string[];
  deleteSelection(): void;
  setProblems(problems: Problem[]): void;
  setCounts(counts: Record<string, NodeStats>): void;
  setSimulation(simulation: Simulation | null): void;
  setSaveStatus(status: SaveStatus, savedRevision?: number): void;
};

export type EditorState = EditorData & EditorActions;
export type EditorStore = StoreApi<EditorState>;

function pruneSelection(state: EditorData, graph: Graph): EditorData["selection"] {
  const nodes = new Set(graph.nodes.map((n) => n.id));
  const edges = new Set(graph.edges.map((e) => e.id));
  const nodeIds = [...state.selection.nodeIds].filter((id) => nodes.has(id));
  const edgeIds = [...state.selection.edgeIds].filter((id) => edges.has(id));
  if (
    nodeIds.length === state.selection.nodeIds.size &&
    edgeIds.length === state.selection.edgeIds.size
  )
    return state.selection;
  return { nodeIds: new Set(nodeIds), edgeIds: new Set(edgeIds) };
}

/** One store per open editor. `now` is injectable so tests control undo coalescing. */
export function createEditorStore(options: { now?: () => number } = {}): EditorStore {
  const now = options.now ?? (() => Date.now());

  return createStore<EditorState>()((set, get) => {
    const commit = (graph: Graph, history: EditorData["history"]) => {
      const state = get();
      if (graph === state.graph && history === state.history) return;
      set({
        graph,
        history,
        selection: pruneSelection(state, graph),
        revision: graph === state.graph ? state.revision : state.revision + 1,
        saveStatus: graph === state.graph ? state.saveStatus : "dirty",
      });
    };

    return {
      ...initialEditorData,

      load(doc, opts = {}) {
        set({
          ...initialEditorData,
          graph: doc,
          readOnly: opts.readOnly ?? false,
          selection: { nodeIds: new Set(), edgeIds: new Set() },
          clipboard: get().clipboard,
        });
      },

      dispatch(change, opts = {}) {
        const state = get();
        if (state.readOnly) return;
        const graph = applyChange(state.graph, change);
        if (graph === state.graph) return;
        const history = state.gestureStart
          ? state.history
          : record(state.history, state.graph, opts.coalesceKey ?? null, now());
        commit(graph, history);
      },

      beginGesture() {
        if (!get().readOnly) set({ gestureStart: get().graph });
      },

      endGesture() {
        const { gestureStart, graph, history } = get();
        if (!gestureStart) return;
        set({ gestureStart: null });
        if (gestureStart !== graph) set({ history: record(history, gestureStart, null, now()) });
      },

      undo() {
        const state = get();
        if (state.readOnly) return;
        const result = undo(state.history, state.graph);
        if (result) commit(result.graph, result.history);
      },

      redo() {
        const state = get();
        if (state.readOnly) return;
        const result = redo(state.history, state.graph);
        if (result) commit(result.graph, result.history);
      },

      setSelection(nodeIds, edgeIds = []) {
        set({ selection: { nodeIds: new Set(nodeIds), edgeIds: new Set(edgeIds) } });
      },

      setMeasured(dimensions) {
        set({ measured: { ...get().measured, ...dimensions } });
      },

      copySelection() {
        const { graph, selection } = get();
        const nodes = graph.nodes.filter((n) => selection.nodeIds.has(n.id));
        if (!nodes.length) return 0;
        const ids = new Set(nodes.map((n) => n.id));
        const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
        set({ clipboard: { nodes, edges }, pasteCount: 0 });
        return nodes.length;
      },

      paste() {
        const state = get();
        if (state.readOnly || !state.clipboard) return [];
        const box = (n: JourneyNode) => ({
          ...n.position,
          ...(state.measured[n.id] ?? DEFAULT_CARD),
        });
        const offset = freePasteOffset(
          state.clipboard.nodes.map(box),
          state.graph.nodes.map(box),
          state.pasteCount + 1,
        );
        const taken = state.graph.nodes.map((n) => n.id);
        const rename = new Map<string, string>();
        const nodes: JourneyNode[] = state.clipboard.nodes.map((n) => {
          const id = nextNodeId(taken, n.type);
          taken.push(id);
          rename.set(n.id, id);
          return {
            ...n,
            id,
            position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
            config: structuredClone(n.config),
          };
        });
        const edgeTaken = state.graph.edges.map((e) => e.id);
        const edges: JourneyEdge[] = state.clipboard.edges.map((e) => {
          const id = nextEdgeId(edgeTaken);
          edgeTaken.push(id);
          return {
            ...e,
            id,
            source: rename.get(e.source) ?? e.source,
            target: rename.get(e.target) ?? e.target,
          };
        });
        get().dispatch({ kind: "addNodes", nodes, edges });
        const ids = nodes.map((n) => n.id);
        set({
          pasteCount: state.pasteCount + 1,
          selection: { nodeIds: new Set(ids), edgeIds: new Set(edges.map((e) => e.id)) },
        });
        return ids;
      },

      deleteSelection() {
        const { selection } = get();
        if (!selection.nodeIds.size && !selection.edgeIds.size) return;
        get().dispatch({
          kind: "removeElements",
          nodeIds: [...selection.nodeIds],
          edgeIds: [...selection.edgeIds],
        });
      },

      setProblems(problems) {
        const problemsByElement: Record<string, Problem[]> = {};
        for (const problem of problems) {
          for (const id of [problem.nodeId, problem.edgeId]) {
            if (id) (problemsByElement[id] ??= []).push(problem);
          }
        }
        set({ problems, problemsByElement });
      },
      setCounts(counts) {
        set({ counts });
      },
      setSimulation(simulation) {
        set({ simulation });
      },
      setSaveStatus(status, savedRevision) {
        set(
          savedRevision === undefined
            ? { saveStatus: status }
            : { saveStatus: status, savedRevision },
        );
      },
    };
  });
}

export { emptyHistory };
