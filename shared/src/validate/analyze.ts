import type { NodeTypeRegistry } from "../registry.js";
import type { Analysis, AnalyzedNode, ValidateContext } from "./analysis.js";
import { DEFAULT_LIMITS } from "./problems.js";
import { parseConfig, uncheckableConfig } from "./rules/config.js";
import { checkCycles } from "./rules/cycles.js";
import { readDocument, withinCounts } from "./rules/document.js";
import { checkEndpoints } from "./rules/edges.js";
import { isDuplicateEdge, isDuplicateNode } from "./rules/ids.js";
import { knownType } from "./rules/node-types.js";
import { checkPortsConnected, connectPort } from "./rules/ports.js";
import { checkReachable } from "./rules/reachability.js";
import { checkSegments } from "./rules/segments.js";
import { readSettings } from "./rules/settings.js";
import { parseEdge, parseNode } from "./rules/shape.js";
import { checkTemplates } from "./rules/templates.js";
import { findTrigger } from "./rules/triggers.js";
import { checkTypeRules } from "./rules/type-checks.js";

export type { Analysis, AnalyzedNode, ValidateContext } from "./analysis.js";

/**
 * Checks a journey document against every rule and returns all problems at once, plus the parsed pieces.
 * Never throws: anything unexpected becomes an `invalid_document` problem.
 */
export function analyzeJourney(
  doc: unknown,
  registry: NodeTypeRegistry,
  ctx: ValidateContext = {},
): Analysis {
  const result: Analysis = {
    problems: [],
    name: "",
    nodes: [],
    next: new Map(),
    settings: null,
    triggerId: null,
  };
  try {
    analyzeInto(doc, registry, ctx, result);
  } catch (error) {
    result.problems.push({
      code: "invalid_document",
      message: `The journey could not be read (${error instanceof Error ? error.message.slice(0, 200) : "unknown error"}).`,
    });
  }
  return result;
}

/** Runs the rules in document order: the document, each step, each connection, then the graph and the settings. */
function analyzeInto(
  doc: unknown,
  registry: NodeTypeRegistry,
  ctx: ValidateContext,
  out: Analysis,
): void {
  const limits = { ...DEFAULT_LIMITS, ...ctx.limits };
  const problems = out.problems;
  const body = readDocument(doc, limits, problems);
  if (!body) return;
  out.name = body.name;
  if (!withinCounts(body, limits, problems)) return;

  const byId = new Map<string, AnalyzedNode>();
  body.nodes.forEach((raw, index) => analyzeNode(raw, index, registry, ctx, byId, out));
  const edgeIds = new Set<string>();
  body.edges.forEach((raw, index) => {
    const edge = parseEdge(raw, index, problems);
    if (!edge || isDuplicateEdge(edge, index, edgeIds, problems)) return;
    edgeIds.add(edge.id);
    const ends = checkEndpoints(edge, index, byId, problems);
    if (ends) connectPort(edge, index, ends.source, out.next, problems);
  });

  const successors = (id: string): string[] => [...(out.next.get(id)?.values() ?? [])];
  const trigger = findTrigger(out.nodes, problems);
  if (trigger) {
    out.triggerId = trigger.node.id;
    checkReachable(trigger, out.nodes, successors, problems);
  }
  checkPortsConnected(out.nodes, out.next, problems);
  checkCycles(out.nodes, byId, successors, problems);
  out.settings = readSettings(doc, problems);
}

function analyzeNode(
  raw: unknown,
  index: number,
  registry: NodeTypeRegistry,
  ctx: ValidateContext,
  byId: Map<string, AnalyzedNode>,
  out: Analysis,
): void {
  const problems = out.problems;
  const node = parseNode(raw, index, problems);
  if (!node) return;
  const def = registry.get(node.type);
  if (isDuplicateNode(node, index, byId, problems)) return;
  const entry: AnalyzedNode = {
    index,
    node,
    def,
    config: node.config,
    configValid: false,
    outputs: null,
    name: node.name?.trim() || def?.title || node.type,
  };
  byId.set(node.id, entry);
  out.nodes.push(entry);
  const type = knownType(entry, problems);
  if (!type) return;
  try {
    if (!parseConfig(entry, type, problems)) return;
    checkTypeRules(entry, type, problems);
    checkTemplates(entry, type, problems);
    if (ctx.segmentExists) checkSegments(entry, type, ctx.segmentExists, problems);
    entry.outputs = type.outputsFor(entry.config);
  } catch (error) {
    uncheckableConfig(entry, error, problems);
  }
}
