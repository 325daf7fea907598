import type { CollectionDeclaration } from "./declaration.js";
import { newId } from "./ids.js";

/** A reusable message for one channel: its template fields, copied into a message step when chosen. */
export type MessageTemplateRecord = {
  /** `newId("tpl")`. */
  _id: string;
  name: string;
  description?: string;
  channel: string;
  /** Template fields by name (subject, body, text…), Liquid; validated by the API when written. */
  content: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
};

export const messageTemplateCollection: CollectionDeclaration = {
  name: "message_templates",
  indexes: [{ key: { name: 1 }, name: "name_1" }],
};

/**
 * A reusable piece of Liquid that every channel's templates read as `{{ snippets.<name> }}`. The name is the key
 * templates use, so it is unique.
 */
export type SnippetRecord = {
  /** `newId("snp")`. */
  _id: string;
  name: string;
  description?: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
};

export const snippetCollection: CollectionDeclaration = {
  name: "snippets",
  indexes: [{ key: { name: 1 }, name: "name_1", unique: true }],
};

/** A new template (`_id` from `newId("tpl")`, both timestamps now). */
export const newMessageTemplate = (
  fields: Pick<MessageTemplateRecord, "name" | "channel" | "content"> &
    Partial<MessageTemplateRecord>,
): MessageTemplateRecord => {
  const now = new Date();
  return { _id: newId("tpl"), createdAt: now, updatedAt: now, ...fields };
};

/** A new snippet (`_id` from `newId("snp")`, both timestamps now). */
export const newSnippet = (
  fields: Pick<SnippetRecord, "name" | "body"> & Partial<SnippetRecord>,
): SnippetRecord => {
  const now = new Date();
  return { _id: newId("snp"), createdAt: now, updatedAt: now, ...fields };
};
