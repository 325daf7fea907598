import type { Edge, Node } from "@xyflow/react";
import type { NodeStats, Problem } from "@omnijourney/shared";
import type { JourneyDocument, JourneyEdge, JourneyNode } from "../../api/types.js";

/** What a journey node carries on the canvas: the serialisable part of the document node only. */
export type JourneyNodeData = { type: string; config: Record<string, unknown>; name?: string };
export type JourneyFlowNode = Node<JourneyNodeData, "journey">;
export type JourneyFlowEdge = Edge;

/** The part of the editor state that undo/redo restores: the document itself. */
export type Graph = JourneyDocument;
export type { JourneyDocument, JourneyEdge, JourneyNode, NodeStats, Problem };

export type Selection = { nodeIds: ReadonlySet<string>; edgeIds: ReadonlySet<string> };

export type Clipboard = { nodes: JourneyNode[]; edges: JourneyEdge[] };

export type SaveStatus = "idle" | "dirty" | "saving" | "saved" | "error";

export type HistoryEntry = { graph: Graph; coalesceKey: string | null; at: number };
