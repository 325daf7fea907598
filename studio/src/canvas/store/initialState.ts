import { emptyHistory, type History } from "./history.js";
import type { Clipboard, Graph, NodeStats, Problem, SaveStatus, Selection } from "./types.js";

export type Simulation = { path: string[]; visited: ReadonlySet<string> };

export type EditorData = {
  graph: Graph;
  history: History;
  /** The graph before the gesture in progress (a drag), recorded as one step when it ends. */
  gestureStart: Graph | null;
  selection: Selection;
  measured: Record<string, { width: number; height: number }>;
  readOnly: boolean;
  clipboard: Clipboard | null;
  pasteCount: number;
  problems: Problem[];
  /** Problems indexed by node and edge id, so each node subscribes to its own list. */
  problemsByElement: Record<string, Problem[]>;
  counts: Record<string, NodeStats>;
  simulation: Simulation | null;
  saveStatus: SaveStatus;
  /** Increments on every graph change; autosave compares it with `savedRevision`. */
  revision: number;
  savedRevision: number;
};

export const emptyGraph: Graph = {
  name: "Untitled journey",
  nodes: [],
  edges: [],
  settings: { reentry: "never", exitOn: [] },
};

export const initialEditorData: EditorData = {
  graph: emptyGraph,
  history: emptyHistory,
  gestureStart: null,
  selection: { nodeIds: new Set(), edgeIds: new Set() },
  measured: {},
  readOnly: false,
  clipboard: null,
  pasteCount: 0,
  problems: [],
  problemsByElement: {},
  counts: {},
  simulation: null,
  saveStatus: "idle",
  revision: 0,
  savedRevision: 0,
};
