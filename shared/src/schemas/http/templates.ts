import { z } from "zod";
import { Channel } from "../channel.js";

// The API also checks each template's Liquid syntax when one is written (api/src/schemas/library.ts); the
// schemas here carry no parser, so the studio's bundle does not either.

/** Template fields by name (subject, body, text, title, url…), each a Liquid template. */
export const TemplateContent = z.record(
  z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, { message: "not a template field name" }),
  z.string().max(200_000),
);
/** A message template's fields. */
export type TemplateContent = z.infer<typeof TemplateContent>;

/** `POST /api/templates` and `PUT /api/templates/:id`: a reusable message for one channel. */
export const MessageTemplateInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2_000).optional(),
    channel: Channel,
    content: TemplateContent,
  })
  .meta({ id: "MessageTemplateInput" });
/** What a template save carries. */
export type MessageTemplateInput = z.infer<typeof MessageTemplateInput>;

/** A message template kept in the workspace; dates are ISO 8601 strings. */
export const MessageTemplate = MessageTemplateInput.extend({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: "MessageTemplate" });
/** A message template. */
export type MessageTemplate = z.infer<typeof MessageTemplate>;

/** `GET /api/templates`: by name. */
export const MessageTemplateList = z.object({ items: z.array(MessageTemplate) });
/** The templates list. */
export type MessageTemplateList = z.infer<typeof MessageTemplateList>;

/** `GET /api/templates?channel=`. */
export const MessageTemplateQuery = z.object({ channel: Channel.optional() });
/** The templates list's filter. */
export type MessageTemplateQuery = z.infer<typeof MessageTemplateQuery>;

/**
 * A snippet's name: what a template writes after `snippets.` (`{{ snippets.footer }}`), so letters, digits and
 * underscores, starting with a letter (a Liquid identifier that needs no quoting).
 */
export const SnippetName = z
  .string()
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, {
    message:
      "use letters, digits and underscores, starting with a letter (like footer or legal_note)",
  });
/** A snippet's name. */
export type SnippetName = z.infer<typeof SnippetName>;

/** `POST /api/snippets` and `PUT /api/snippets/:id`: a reusable piece of Liquid shared by every channel. */
export const SnippetInput = z
  .object({
    name: SnippetName,
    description: z.string().max(2_000).optional(),
    body: z.string().max(100_000),
  })
  .meta({ id: "SnippetInput" });
/** What a snippet save carries. */
export type SnippetInput = z.infer<typeof SnippetInput>;

/** A snippet kept in the workspace; dates are ISO 8601 strings. */
export const Snippet = SnippetInput.extend({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: "Snippet" });
/** A snippet. */
export type Snippet = z.infer<typeof Snippet>;

/** `GET /api/snippets`: by name. */
export const SnippetList = z.object({ items: z.array(Snippet) });
/** The snippets list. */
export type SnippetList = z.infer<typeof SnippetList>;
