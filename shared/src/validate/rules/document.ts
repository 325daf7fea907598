import { z } from "zod";
import { flattenIssues } from "../issues.js";
import { measure } from "../measure.js";
import type { Problem, ValidationLimits } from "../problems.js";

/** The members the node and edge rules walk, read from a document whose size and shape allow it. */
export type DocumentBody = { name: string; nodes: unknown[]; edges: unknown[] };

const TopLevel = z.object({
  name: z.string().min(1).max(200),
  nodes: z.array(z.unknown()),
  edges: z.array(z.unknown()),
  settings: z.unknown().optional(),
  description: z.unknown().optional(),
});

/**
 * `document_too_large`, `nesting_too_deep`, `invalid_document`: the document's size and top-level shape.
 * Returns null when nothing further can be checked; a bad name or extra member still lets the steps be read.
 */
export function readDocument(
  doc: unknown,
  limits: ValidationLimits,
  problems: Problem[],
): DocumentBody | null {
  const size = measure(doc, limits.maxBytes, limits.maxDepth);
  if (size.bytes > limits.maxBytes) {
    problems.push({
      code: "document_too_large",
      message: `The journey is larger than the limit of ${Math.round(limits.maxBytes / 1024)} KB.`,
    });
    return null;
  }
  if (size.depth > limits.maxDepth) {
    problems.push({
      code: "nesting_too_deep",
      message: `The journey is nested more than ${limits.maxDepth} levels deep (or refers to itself).`,
    });
    return null;
  }

  const top = TopLevel.safeParse(doc);
  if (top.success) return top.data;
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
    return null;
  return {
    name: "",
    nodes: z.array(z.unknown()).parse(Reflect.get(doc, "nodes")),
    edges: z.array(z.unknown()).parse(Reflect.get(doc, "edges")),
  };
}

/** `too_many_nodes`: more steps or connections than the limits allow. Returns whether the document is within them. */
export function withinCounts(
  body: DocumentBody,
  limits: ValidationLimits,
  problems: Problem[],
): boolean {
  if (body.nodes.length > limits.maxNodes) {
    problems.push({
      code: "too_many_nodes",
      path: ["nodes"],
      message: `The journey has ${body.nodes.length} steps; the limit is ${limits.maxNodes}.`,
    });
    return false;
  }
  if (body.edges.length > limits.maxEdges) {
    problems.push({
      code: "too_many_nodes",
      path: ["edges"],
      message: `The journey has ${body.edges.length} connections; the limit is ${limits.maxEdges}.`,
    });
    return false;
  }
  return true;
}
