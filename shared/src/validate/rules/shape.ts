import type { z } from "zod";
import { JourneyEdge, JourneyNode } from "../../schemas/journey.js";
import { flattenIssues } from "../issues.js";
import type { Problem } from "../problems.js";

type ItemKind = {
  collection: "nodes" | "edges";
  idKey: "nodeId" | "edgeId";
  /** How the sentence names the item, capitalised, and the item as a whole when the issue has no path. */
  noun: string;
  whole: string;
};

const NODE: ItemKind = { collection: "nodes", idKey: "nodeId", noun: "Step", whole: "step" };
const EDGE: ItemKind = {
  collection: "edges",
  idKey: "edgeId",
  noun: "Connection",
  whole: "connection",
};

function readId(raw: unknown): string | undefined {
  if (raw === null || typeof raw !== "object") return undefined;
  const id: unknown = Object.prototype.hasOwnProperty.call(raw, "id")
    ? Reflect.get(raw, "id")
    : undefined;
  return typeof id === "string" && id.length <= 100 ? id : undefined;
}

function parseItem<T>(
  schema: z.ZodType<T>,
  kind: ItemKind,
  raw: unknown,
  index: number,
  problems: Problem[],
): T | null {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const id = readId(raw);
  // An id outside ElementId's alphabet is not echoed back as the item's id.
  const named = id !== undefined && /^[A-Za-z0-9_:-]+$/.test(id) ? { [kind.idKey]: id } : {};
  for (const issue of flattenIssues(parsed.error.issues, [kind.collection, index])) {
    problems.push({
      code: "invalid_document",
      ...named,
      path: issue.path,
      message: `${kind.noun} ${index + 1} is malformed (${issue.path.slice(2).join(".") || kind.whole}: ${issue.message}).`,
    });
  }
  return null;
}

/** `invalid_document` for a step that is not a step: returns the parsed node, or null. */
export function parseNode(raw: unknown, index: number, problems: Problem[]): JourneyNode | null {
  return parseItem(JourneyNode, NODE, raw, index, problems);
}

/** `invalid_document` for a connection that is not a connection: returns the parsed edge, or null. */
export function parseEdge(raw: unknown, index: number, problems: Problem[]): JourneyEdge | null {
  return parseItem(JourneyEdge, EDGE, raw, index, problems);
}
