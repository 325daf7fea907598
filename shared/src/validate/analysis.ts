import type { NodeType, NodeTypeRegistry } from "../registry.js";
import type { JourneyNode, JourneySettings } from "../schemas/journey.js";
import type { Problem, ValidationLimits } from "./problems.js";

/** What the validator may be told about the world. */
export type ValidateContext = {
  /** Registry to resolve node types (default: the shared `nodeTypes`). */
  registry?: NodeTypeRegistry;
  /** Whether a segment id exists; without it, segment references are not checked. */
  segmentExists?: (segmentId: string) => boolean;
  /** Limits, overriding the defaults. */
  limits?: Partial<ValidationLimits>;
};

/** A node that parsed, with its type and (when valid) its parsed config and ports. */
export type AnalyzedNode = {
  index: number;
  node: JourneyNode;
  def: NodeType | undefined;
  config: unknown;
  configValid: boolean;
  outputs: string[] | null;
  name: string;
};

/**
 * The validator's full result: problems plus what compile needs.
 * Every rule appends to the one `problems` list as it meets a mistake, so problems come out in document order.
 */
export type Analysis = {
  problems: Problem[];
  name: string;
  nodes: AnalyzedNode[];
  /** node id → port → target id */
  next: Map<string, Map<string, string>>;
  settings: JourneySettings | null;
  triggerId: string | null;
};
