import { nodeTypes } from "../node-types.js";
import { analyzeJourney, type ValidateContext } from "./analyze.js";
import type { ValidationResult } from "./problems.js";

/**
 * Validates a journey document (any JSON value) against every rule in DESIGN.md and returns every problem at once,
 * each with a fixed code, the node or edge id, the JSON path and a sentence a marketer understands.
 * Never throws, whatever the input.
 */
export function validateJourney(doc: unknown, ctx: ValidateContext = {}): ValidationResult {
  const analysis = analyzeJourney(doc, ctx.registry ?? nodeTypes, ctx);
  return { valid: analysis.problems.length === 0, problems: analysis.problems };
}
