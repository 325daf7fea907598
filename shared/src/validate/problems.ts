import { z } from "zod";

/** Fixed problem codes (DESIGN.md) plus the ones this validator adds for limits and structure. */
export const ProblemCode = z.enum([
  "no_trigger",
  "multiple_triggers",
  "unknown_node_type",
  "duplicate_id",
  "dangling_edge",
  "unreachable_node",
  "unconnected_port",
  "cycle_without_wait",
  "invalid_config",
  "weights_not_100",
  "invalid_template",
  "unknown_segment",
  // additions
  "unknown_port",
  "port_already_connected",
  "edge_into_trigger",
  "invalid_document",
  "invalid_settings",
  "too_many_nodes",
  "document_too_large",
  "nesting_too_deep",
]);
/** A problem code. */
export type ProblemCode = z.infer<typeof ProblemCode>;

/** One validation problem: machine code, where it is, and a sentence a marketer understands. */
export const Problem = z.object({
  code: ProblemCode,
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  /** Output port the problem is about (unconnected_port, unknown_port, port_already_connected). */
  port: z.string().optional(),
  /** JSON path from the document root, e.g. ["nodes", 2, "config", "subject"]. */
  path: z.array(z.union([z.string(), z.number()])).optional(),
});
/** A validation problem. */
export type Problem = z.infer<typeof Problem>;

/** What `validateJourney` returns. */
export type ValidationResult = { valid: boolean; problems: Problem[] };

/** Configurable limits; defaults per the issue: 5,000 nodes and 5 MB. */
export type ValidationLimits = {
  maxNodes: number;
  maxEdges: number;
  /** Approximate size of the document as JSON, in bytes (UTF-16 code units). */
  maxBytes: number;
  /** Deepest nesting of arrays and objects anywhere in the document. */
  maxDepth: number;
};

/** Default limits. */
export const DEFAULT_LIMITS: ValidationLimits = {
  maxNodes: 5_000,
  maxEdges: 20_000,
  maxBytes: 5 * 1024 * 1024,
  maxDepth: 64,
};
