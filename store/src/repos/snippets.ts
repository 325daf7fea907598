import { isDuplicateKey } from "../engine/retry.js";
import type { Collections } from "../models/index.js";
import type { SnippetRecord } from "../models/template.js";

/** The most snippets a workspace keeps: every render reads them all (cached), so they stay few. */
export const SNIPPET_LIMIT = 500;

/** Snippets by name (at most {@link SNIPPET_LIMIT}). */
export const listSnippets = (models: Collections): Promise<SnippetRecord[]> =>
  models.snippets.find({}).sort({ name: 1 }).limit(SNIPPET_LIMIT).toArray();

/** Every snippet's body by name, as templates read them (`snippets.<name>`). */
export const snippetBodies = async (models: Collections): Promise<Record<string, string>> => {
  const rows = await models.snippets
    .find({}, { projection: { name: 1, body: 1 } })
    .limit(SNIPPET_LIMIT)
    .toArray();
  return Object.fromEntries(rows.map((row) => [row.name, row.body]));
};

/** A snippet by id, or null. */
export const findSnippet = (models: Collections, id: string): Promise<SnippetRecord | null> =>
  models.snippets.findOne({ _id: id });

/** How many snippets the workspace keeps. */
export const countSnippets = (models: Collections): Promise<number> =>
  models.snippets.countDocuments({});

/** Why a snippet write was refused: another snippet has the name. */
export type SnippetWrite = "saved" | "name_taken" | "not_found";

/** Stores a new snippet (build it with `newSnippet`); "name_taken" when another snippet has its name. */
export const insertSnippet = async (
  models: Collections,
  snippet: SnippetRecord,
): Promise<SnippetWrite> => {
  try {
    await models.snippets.insertOne(snippet);
    return "saved";
  } catch (error) {
    if (isDuplicateKey(error)) return "name_taken";
    throw error;
  }
};

/** The fields a snippet save replaces. */
export type SnippetFields = Pick<SnippetRecord, "name" | "description" | "body">;

/** Replaces a snippet's fields. */
export const saveSnippet = async (
  models: Collections,
  id: string,
  fields: SnippetFields,
): Promise<SnippetWrite> => {
  const { description, ...rest } = fields;
  try {
    const result = await models.snippets.updateOne(
      { _id: id },
      description === undefined
        ? { $set: { ...rest, updatedAt: new Date() }, $unset: { description: "" } }
        : { $set: { ...rest, description, updatedAt: new Date() } },
    );
    return result.matchedCount > 0 ? "saved" : "not_found";
  } catch (error) {
    if (isDuplicateKey(error)) return "name_taken";
    throw error;
  }
};

/** Deletes a snippet; false when none had the id. */
export const deleteSnippet = async (models: Collections, id: string): Promise<boolean> =>
  (await models.snippets.deleteOne({ _id: id })).deletedCount > 0;
