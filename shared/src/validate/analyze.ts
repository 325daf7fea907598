import { z } from "zod";
import type { NodeType } from "../registry.js";
import type { NodeTypeRegistry } from "../registry.js";
import { JourneyEdge, JourneyNode, JourneySettings } from "../schemas/journey.js";
import { cyclicComponents } from "./graph.js";
import { flattenIssues } from "./issues.js";
import { measure } from "./measure.js";
import { DEFAULT_LIMITS, ProblemCode, type Problem, type ValidationLimits } from "./problems.js";
import { templateError } from "./templates.js";

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

/** The validator's full result: problems plus what compile needs. */
export type Analysis = {
  problems: Problem[];
  name: string;
  nodes: AnalyzedNode[];
  /** node id → port → target id */
  next: Map<string, Map<string, string>>;
  settings: JourneySettings | null;
  triggerId: string | null;
};

const TopLevel = z.object({
  name: z.string().min(1).max(200),
  nodes: z.array(z.unknown()),
  edges: z.array(z.unknown()),
  settings: z.unknown().optional(),
  description: z.unknown().optional(),
});

function quoted(name: string): string {
  return `'${name.length > 60 ? `${name.slice(0, 57)}...` : name}'`;
}

function humanField(def: NodeType | undefined, path: (string | number)[]): string {
  const top = path[0];
  if (top === undefined) return "settings";
  const label = typeof top === "string" ? def?.ui.labels?.[top] : undefined;
  const rest = path
    .slice(1)
    .filter((p) => typeof p === "string")
    .map(String);
  // Labels are written for forms ("Give up after"); inside a sentence they read lower-case unless an acronym.
  const base = label
    ? /^[A-Z][a-z]/.test(label)
      ? label[0]?.toLowerCase() + label.slice(1)
      : label
    : String(top)
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .toLowerCase();
  return rest.length > 0 ? `${base} (${rest.join(" ")})` : base;
}

function readId(raw: unknown): string | undefined {
  if (raw === null || typeof raw !== "object") return undefined;
  const id: unknown = Object.prototype.hasOwnProperty.call(raw, "id")
    ? Reflect.get(raw, "id")
    : undefined;
  return typeof id === "string" && id.length <= 100 ? id : undefined;
}

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

function analyzeInto(
  doc: unknown,
  registry: NodeTypeRegistry,
  ctx: ValidateContext,
  out: Analysis,
): void {
  const limits = { ...DEFAULT_LIMITS, ...ctx.limits };
  const problems = out.problems;

  const size = measure(doc, limits.maxBytes, limits.maxDepth);
  if (size.bytes > limits.maxBytes) {
    problems.push({
      code: "document_too_large",
      message: `The journey is larger than the limit of ${Math.round(limits.maxBytes / 1024)} KB.`,
    });
    return;
  }
  if (size.depth > limits.maxDepth) {
    problems.push({
      code: "nesting_too_deep",
      message: `The journey is nested more than ${limits.maxDepth} levels deep (or refers to itself).`,
    });
    return;
  }

  const top = TopLevel.safeParse(doc);
  if (!top.success) {
    for (const issue of flattenIssues(top.error.issues)) {
      problems.push({
        code: "invalid_document",
        path: issue.path,
        message: `The journey's ${issue.path.join(".") || "document"} ${issue.message}.`,
      });
    }
    if (
      doc === null ||
      typeof doc !== "object" ||
      !Array.isArray(Reflect.get(doc, "nodes")) ||
      !Array.isArray(Reflect.get(doc, "edges"))
    )
      return;
  }
  const rawNodes: unknown[] = top.success
    ? top.data.nodes
    : z.array(z.unknown()).parse(Reflect.get(doc as object, "nodes")); // cast: checked to be an object with array members just above
  const rawEdges: unknown[] = top.success
    ? top.data.edges
    : z.array(z.unknown()).parse(Reflect.get(doc as object, "edges")); // cast: as above
  out.name = top.success ? top.data.name : "";

  if (rawNodes.length > limits.maxNodes) {
    problems.push({
      code: "too_many_nodes",
      path: ["nodes"],
      message: `The journey has ${rawNodes.length} steps; the limit is ${limits.maxNodes}.`,
    });
    return;
  }
  if (rawEdges.length > limits.maxEdges) {
    problems.push({
      code: "too_many_nodes",
      path: ["edges"],
      message: `The journey has ${rawEdges.length} connections; the limit is ${limits.maxEdges}.`,
    });
    return;
  }

  // Nodes: shape, unique ids, known type, valid config.
  const byId = new Map<string, AnalyzedNode>();
  rawNodes.forEach((raw, index) => {
    const parsed = JourneyNode.safeParse(raw);
    if (!parsed.success) {
      const id = readId(raw);
      for (const issue of flattenIssues(parsed.error.issues, ["nodes", index])) {
        problems.push({
          code: "invalid_document",
          ...(id !== undefined && /^[A-Za-z0-9_:-]+$/.test(id) ? { nodeId: id } : {}),
          path: issue.path,
          message: `Step ${index + 1} is malformed (${issue.path.slice(2).join(".") || "step"}: ${issue.message}).`,
        });
      }
      return;
    }
    const node = parsed.data;
    const def = registry.get(node.type);
    if (byId.has(node.id)) {
      problems.push({
        code: "duplicate_id",
        nodeId: node.id,
        path: ["nodes", index, "id"],
        message: `Two steps share the id '${node.id}'; each step needs its own.`,
      });
      return;
    }
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
    if (!def) {
      problems.push({
        code: "unknown_node_type",
        nodeId: node.id,
        path: ["nodes", index, "type"],
        message: `The ${quoted(entry.name)} step has the type '${node.type.slice(0, 100)}', which this workspace does not know.`,
      });
      return;
    }
    try {
      checkConfig(entry, def, ctx, problems);
    } catch (error) {
      // A custom node type's hooks threw: report it on the node instead of failing the whole validation.
      entry.configValid = false;
      entry.outputs = null;
      problems.push({
        code: "invalid_config",
        nodeId: node.id,
        path: ["nodes", index, "config"],
        message: `The ${quoted(entry.name)} step could not be checked (${error instanceof Error ? error.message.slice(0, 200) : "error"}).`,
      });
    }
  });

  // Edges: shape, unique ids, endpoints, ports.
  const edgeIds = new Set<string>();
  const incoming = new Map<string, number>();
  rawEdges.forEach((raw, index) => {
    const parsed = JourneyEdge.safeParse(raw);
    if (!parsed.success) {
      const id = readId(raw);
      for (const issue of flattenIssues(parsed.error.issues, ["edges", index])) {
        problems.push({
          code: "invalid_document",
          ...(id !== undefined && /^[A-Za-z0-9_:-]+$/.test(id) ? { edgeId: id } : {}),
          path: issue.path,
          message: `Connection ${index + 1} is malformed (${issue.path.slice(2).join(".") || "connection"}: ${issue.message}).`,
        });
      }
      return;
    }
    const edge = parsed.data;
    const path = ["edges", index];
    if (edgeIds.has(edge.id)) {
      problems.push({
        code: "duplicate_id",
        edgeId: edge.id,
        path: [...path, "id"],
        message: `Two connections share the id '${edge.id}'.`,
      });
      return;
    }
    edgeIds.add(edge.id);
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) {
      const missing = !source ? edge.source : edge.target;
      const from = source ? `from the ${quoted(source.name)} step ` : "";
      problems.push({
        code: "dangling_edge",
        edgeId: edge.id,
        ...(source ? { nodeId: source.node.id } : {}),
        path: [...path, source ? "target" : "source"],
        message: `A connection ${from}points to a step that does not exist ('${missing}').`,
      });
      return;
    }
    if (target.def?.category === "trigger") {
      problems.push({
        code: "edge_into_trigger",
        edgeId: edge.id,
        nodeId: target.node.id,
        path: [...path, "target"],
        message: `The ${quoted(target.name)} trigger starts the journey; other steps cannot lead into it.`,
      });
      return;
    }
    incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
    const outputs = source.outputs;
    if (outputs === null) {
      // Source config is invalid or its type unknown: keep the edge for reachability under its written handle.
      const ports = out.next.get(source.node.id) ?? new Map<string, string>();
      ports.set(edge.sourceHandle ?? `edge:${edge.id}`, edge.target);
      out.next.set(source.node.id, ports);
      return;
    }
    const handle = edge.sourceHandle ?? (outputs.length === 1 ? outputs[0] : undefined);
    if (outputs.length === 0) {
      problems.push({
        code: "unknown_port",
        edgeId: edge.id,
        nodeId: source.node.id,
        path,
        message: `The ${quoted(source.name)} step ends the journey, so nothing can follow it.`,
      });
      return;
    }
    if (handle === undefined) {
      problems.push({
        code: "unknown_port",
        edgeId: edge.id,
        nodeId: source.node.id,
        path: [...path, "sourceHandle"],
        message: `A connection from the ${quoted(source.name)} step does not say which of its paths (${outputs.join(", ")}) it follows.`,
      });
      return;
    }
    if (!outputs.includes(handle)) {
      problems.push({
        code: "unknown_port",
        edgeId: edge.id,
        nodeId: source.node.id,
        port: handle.slice(0, 100),
        path: [...path, "sourceHandle"],
        message: `A connection leaves the ${quoted(source.name)} step from '${handle.slice(0, 100)}', which is not one of its paths (${outputs.join(", ")}).`,
      });
      return;
    }
    const ports = out.next.get(source.node.id) ?? new Map<string, string>();
    if (ports.has(handle)) {
      problems.push({
        code: "port_already_connected",
        edgeId: edge.id,
        nodeId: source.node.id,
        port: handle,
        path,
        message: `The ${quoted(source.name)} step has two connections from '${handle}'; a path can lead to one step only.`,
      });
      return;
    }
    ports.set(handle, edge.target);
    out.next.set(source.node.id, ports);
  });

  // Exactly one trigger.
  const triggers = out.nodes.filter((n) => n.def?.category === "trigger");
  const trigger = triggers[0];
  if (!trigger) {
    problems.push({
      code: "no_trigger",
      path: ["nodes"],
      message: "The journey has no trigger. Add a trigger step so customers can enter.",
    });
  } else {
    out.triggerId = trigger.node.id;
    for (const extra of triggers.slice(1)) {
      problems.push({
        code: "multiple_triggers",
        nodeId: extra.node.id,
        path: ["nodes", extra.index],
        message: `The journey has more than one trigger: the ${quoted(extra.name)} step is an extra one. Keep exactly one.`,
      });
    }
  }

  const successors = (id: string): string[] => [...(out.next.get(id)?.values() ?? [])];

  // Every node reachable from the trigger.
  if (trigger) {
    const reached = new Set<string>([trigger.node.id]);
    const queue = [trigger.node.id];
    while (queue.length > 0) {
      const id = queue.pop();
      if (id === undefined) break;
      for (const next of successors(id)) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    for (const n of out.nodes) {
      if (!reached.has(n.node.id) && n.def?.category !== "trigger") {
        problems.push({
          code: "unreachable_node",
          nodeId: n.node.id,
          path: ["nodes", n.index],
          message: `The ${quoted(n.name)} step cannot be reached from the trigger. Connect it or remove it.`,
        });
      }
    }
  }

  // Every port of a branching node connected (ending explicitly means connecting it to an Exit step).
  for (const n of out.nodes) {
    if (!n.outputs || n.outputs.length < 2) continue;
    const ports = out.next.get(n.node.id);
    for (const port of n.outputs) {
      if (ports?.has(port)) continue;
      const phrase = n.def?.ui.ports?.[port] ?? `the '${port}' path`;
      problems.push({
        code: "unconnected_port",
        nodeId: n.node.id,
        port,
        path: ["nodes", n.index],
        message: `The ${quoted(n.name)} step has no path for ${phrase}. Connect it to a step, or to an Exit to end the journey there.`,
      });
    }
  }

  // Cycles only through a wait.
  const ids = out.nodes.map((n) => n.node.id);
  for (const component of cyclicComponents(ids, successors)) {
    const members = component
      .map((id) => byId.get(id))
      .filter((n): n is AnalyzedNode => n !== undefined);
    if (members.some((m) => m.def?.waits)) continue;
    members.sort((a, b) => a.index - b.index);
    const first = members[0];
    if (!first) continue;
    problems.push({
      code: "cycle_without_wait",
      nodeId: first.node.id,
      path: ["nodes", first.index],
      message: `The steps ${members
        .slice(0, 5)
        .map((m) => quoted(m.name))
        .join(
          ", ",
        )}${members.length > 5 ? ", …" : ""} form a loop without a wait, so a customer could go round it endlessly. Add a wait inside the loop.`,
    });
  }

  // Settings.
  const rawSettings: unknown =
    doc !== null && typeof doc === "object" ? Reflect.get(doc, "settings") : undefined;
  const settings = JourneySettings.safeParse(rawSettings ?? {});
  if (settings.success) out.settings = settings.data;
  else {
    for (const issue of flattenIssues(settings.error.issues, ["settings"])) {
      problems.push({
        code: "invalid_settings",
        path: issue.path,
        message: `The journey's ${humanField(undefined, issue.path.slice(1))} setting ${issue.message}.`,
      });
    }
  }
}

function checkConfig(
  entry: AnalyzedNode,
  def: NodeType,
  ctx: ValidateContext,
  problems: Problem[],
): void {
  const { node, index } = entry;
  const base = ["nodes", index, "config"];
  const parsed = def.config.safeParse(node.config ?? {});
  if (!parsed.success) {
    for (const issue of flattenIssues(parsed.error.issues)) {
      const field = humanField(def, issue.path);
      problems.push({
        code: "invalid_config",
        nodeId: node.id,
        path: [...base, ...issue.path],
        message: issue.missing
          ? `The ${quoted(entry.name)} step needs a ${field}.`
          : `The ${quoted(entry.name)} step's ${field} ${issue.message}.`,
      });
    }
    return;
  }
  entry.config = parsed.data;
  entry.configValid = true;
  if (!node.name?.trim()) entry.name = def.summarize(parsed.data);
  for (const issue of def.checkConfig(parsed.data)) {
    const code = problemCodeOrInvalid(issue.code);
    problems.push({
      code,
      nodeId: node.id,
      path: [...base, ...issue.path],
      message: `The ${quoted(entry.name)} step ${issue.message}.`,
    });
  }
  for (const ref of def.templatesIn(parsed.data)) {
    const error = templateError(ref.source);
    if (error !== null) {
      problems.push({
        code: "invalid_template",
        nodeId: node.id,
        path: [...base, ...ref.path],
        message: `The ${quoted(entry.name)} step has a template error in its ${humanField(def, ref.path)}: ${error}`,
      });
    }
  }
  if (ctx.segmentExists) {
    for (const ref of def.segmentsIn(parsed.data)) {
      if (!ctx.segmentExists(ref.segmentId)) {
        problems.push({
          code: "unknown_segment",
          nodeId: node.id,
          path: [...base, ...ref.path],
          message: `The ${quoted(entry.name)} step uses a segment that does not exist ('${ref.segmentId.slice(0, 100)}').`,
        });
      }
    }
  }
  const outputs = def.outputsFor(parsed.data);
  entry.outputs = outputs;
}

function problemCodeOrInvalid(code: string): Problem["code"] {
  const parsed = ProblemCode.safeParse(code);
  return parsed.success ? parsed.data : "invalid_config";
}
