import type { NodeTypes } from "@xyflow/react";
import { JourneyNodeView } from "./JourneyNodeView.js";

/** Declared at module scope so React Flow never sees a new object and remounts every node. */
export const flowNodeTypes: NodeTypes = { journey: JourneyNodeView };
