import { Snippet, SnippetInput, SnippetList } from "@omnijourney/shared";
import {
  SNIPPET_LIMIT,
  countSnippets,
  deleteSnippet,
  findSnippet,
  insertSnippet,
  listSnippets,
  newSnippet,
  saveSnippet,
  type SnippetRecord,
  type SnippetWrite,
} from "@omnijourney/store";
import type { ApiContext } from "../context.js";
import { AppError, notFound } from "../errors.js";
import { endpoint } from "../http/endpoint.js";
import { IdParams, safe } from "../schemas/common.js";
import { checkSnippetBody } from "../schemas/library.js";
import { recordAudit } from "../services/audit.js";

const tags = ["snippets"];
const SnippetBody = safe(SnippetInput.superRefine(checkSnippetBody));

const view = (r: SnippetRecord): Snippet => ({
  id: r._id,
  name: r.name,
  // A missing description may read back as null (documents written with it undefined).
  ...(typeof r.description === "string" ? { description: r.description } : {}),
  body: r.body,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const find = async (ctx: ApiContext, id: string): Promise<SnippetRecord> => {
  const found = await findSnippet(ctx.db, id);
  if (!found) throw notFound("Snippet", id);
  return found;
};

/** A refused write as the caller sees it: a taken name is a conflict on the name field. */
const checked = (outcome: SnippetWrite, name: string, id: string): void => {
  if (outcome === "name_taken")
    throw new AppError(409, "snippet_name_taken", `Another snippet is called '${name}'`, {
      fields: ["body.name"],
    });
  if (outcome === "not_found") throw notFound("Snippet", id);
};

export const listSnippetsEndpoint = endpoint({
  method: "get",
  path: "/snippets",
  summary: "List the workspace's snippets, by name ({{ snippets.<name> }} in any template)",
  tags,
  auth: "bearer",
  role: "viewer",
  response: SnippetList,
  handler: async (_input, { app }) => ({ items: (await listSnippets(app.db)).map(view) }),
});

export const createSnippet = endpoint({
  method: "post",
  path: "/snippets",
  summary: "Keep a reusable piece of Liquid that every channel's templates read as snippets.<name>",
  tags,
  auth: "bearer",
  role: "editor",
  body: SnippetBody,
  response: Snippet,
  status: 201,
  handler: async ({ body }, { app, req }) => {
    if ((await countSnippets(app.db)) >= SNIPPET_LIMIT)
      throw new AppError(
        409,
        "too_many_snippets",
        `A workspace keeps at most ${SNIPPET_LIMIT} snippets`,
      );
    const record = newSnippet({
      name: body.name,
      ...(body.description !== undefined ? { description: body.description } : {}),
      body: body.body,
    });
    checked(await insertSnippet(app.db, record), body.name, record._id);
    await recordAudit(app, req, {
      action: "snippet.created",
      object: { type: "snippet", id: record._id, name: record.name },
    });
    return view(record);
  },
});

export const getSnippet = endpoint({
  method: "get",
  path: "/snippets/:id",
  summary: "A snippet",
  tags,
  auth: "bearer",
  role: "viewer",
  params: IdParams,
  response: Snippet,
  handler: async ({ params }, { app }) => view(await find(app, params.id)),
});

export const updateSnippet = endpoint({
  method: "put",
  path: "/snippets/:id",
  summary: "Replace a snippet's name and body (every message that reads it sends the new body)",
  tags,
  auth: "bearer",
  role: "editor",
  params: IdParams,
  body: SnippetBody,
  response: Snippet,
  handler: async ({ params, body }, { app, req }) => {
    const outcome = await saveSnippet(app.db, params.id, {
      name: body.name,
      description: body.description,
      body: body.body,
    });
    checked(outcome, body.name, params.id);
    await recordAudit(app, req, {
      action: "snippet.updated",
      object: { type: "snippet", id: params.id, name: body.name },
    });
    return view(await find(app, params.id));
  },
});

export const deleteSnippetEndpoint = endpoint({
  method: "delete",
  path: "/snippets/:id",
  summary: "Delete a snippet (templates that read it render it empty)",
  tags,
  auth: "bearer",
  role: "editor",
  params: IdParams,
  handler: async ({ params }, { app, req }) => {
    const before = await find(app, params.id);
    await deleteSnippet(app.db, params.id);
    await recordAudit(app, req, {
      action: "snippet.deleted",
      object: { type: "snippet", id: params.id, name: before.name },
    });
    return undefined;
  },
});

export const snippetEndpoints = [
  listSnippetsEndpoint,
  createSnippet,
  getSnippet,
  updateSnippet,
  deleteSnippetEndpoint,
];
