import {
  Channel,
  MessageTemplate,
  MessageTemplateInput,
  MessageTemplateList,
  MessageTemplateQuery,
} from "@omnijourney/shared";
import {
  deleteMessageTemplate,
  findMessageTemplate,
  insertMessageTemplate,
  listMessageTemplates,
  newMessageTemplate,
  saveMessageTemplate,
  type MessageTemplateRecord,
} from "@omnijourney/store";
import type { ApiContext } from "../context.js";
import { notFound } from "../errors.js";
import { endpoint } from "../http/endpoint.js";
import { IdParams, safe } from "../schemas/common.js";
import { checkTemplateFields } from "../schemas/library.js";
import { recordAudit } from "../services/audit.js";

const tags = ["templates"];
const TemplateBody = safe(MessageTemplateInput.superRefine(checkTemplateFields));

// Stored templates were validated when written; the channel is read back through its schema all the same.
const view = (r: MessageTemplateRecord): MessageTemplate => ({
  id: r._id,
  name: r.name,
  // A missing description may read back as null (documents written with it undefined).
  ...(typeof r.description === "string" ? { description: r.description } : {}),
  channel: Channel.parse(r.channel),
  content: r.content,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const find = async (ctx: ApiContext, id: string): Promise<MessageTemplateRecord> => {
  const found = await findMessageTemplate(ctx.db, id);
  if (!found) throw notFound("Template", id);
  return found;
};

// No `description: undefined` in a stored document: the driver would write it as null.
const fields = (body: MessageTemplateInput) => ({
  name: body.name,
  ...(body.description !== undefined ? { description: body.description } : {}),
  channel: body.channel,
  content: body.content,
});

export const listTemplates = endpoint({
  method: "get",
  path: "/templates",
  summary: "List the workspace's message templates, by name (optionally of one channel)",
  tags,
  auth: "bearer",
  role: "viewer",
  query: MessageTemplateQuery,
  response: MessageTemplateList,
  handler: async ({ query }, { app }) => ({
    items: (await listMessageTemplates(app.db, query.channel)).map(view),
  }),
});

export const createTemplate = endpoint({
  method: "post",
  path: "/templates",
  summary: "Keep a message as a reusable template",
  tags,
  auth: "bearer",
  role: "editor",
  body: TemplateBody,
  response: MessageTemplate,
  status: 201,
  handler: async ({ body }, { app, req }) => {
    const record = newMessageTemplate(fields(body));
    await insertMessageTemplate(app.db, record);
    await recordAudit(app, req, {
      action: "template.created",
      object: { type: "template", id: record._id, name: record.name },
    });
    return view(record);
  },
});

export const getTemplate = endpoint({
  method: "get",
  path: "/templates/:id",
  summary: "A message template",
  tags,
  auth: "bearer",
  role: "viewer",
  params: IdParams,
  response: MessageTemplate,
  handler: async ({ params }, { app }) => view(await find(app, params.id)),
});

export const updateTemplate = endpoint({
  method: "put",
  path: "/templates/:id",
  summary: "Replace a template's name, channel and fields (steps made from it keep their copy)",
  tags,
  auth: "bearer",
  role: "editor",
  params: IdParams,
  body: TemplateBody,
  response: MessageTemplate,
  handler: async ({ params, body }, { app, req }) => {
    if (!(await saveMessageTemplate(app.db, params.id, fields(body))))
      throw notFound("Template", params.id);
    await recordAudit(app, req, {
      action: "template.updated",
      object: { type: "template", id: params.id, name: body.name },
    });
    return view(await find(app, params.id));
  },
});

export const deleteTemplate = endpoint({
  method: "delete",
  path: "/templates/:id",
  summary: "Delete a template (steps made from it keep their copy)",
  tags,
  auth: "bearer",
  role: "editor",
  params: IdParams,
  handler: async ({ params }, { app, req }) => {
    const before = await find(app, params.id);
    await deleteMessageTemplate(app.db, params.id);
    await recordAudit(app, req, {
      action: "template.deleted",
      object: { type: "template", id: params.id, name: before.name },
    });
    return undefined;
  },
});

export const templateEndpoints = [
  listTemplates,
  createTemplate,
  getTemplate,
  updateTemplate,
  deleteTemplate,
];
