import type { Collections } from "../models/index.js";
import type { MessageTemplateRecord } from "../models/template.js";

/** The most templates one list answers. */
const LIST_LIMIT = 1_000;

/** Templates by name, of one channel or all (at most 1,000). */
export const listMessageTemplates = (
  models: Collections,
  channel?: string,
): Promise<MessageTemplateRecord[]> =>
  models.messageTemplates
    .find(channel ? { channel } : {})
    .sort({ name: 1 })
    .limit(LIST_LIMIT)
    .toArray();

/** A template by id, or null. */
export const findMessageTemplate = (
  models: Collections,
  id: string,
): Promise<MessageTemplateRecord | null> => models.messageTemplates.findOne({ _id: id });

/** Stores a new template (build it with `newMessageTemplate`). */
export const insertMessageTemplate = async (
  models: Collections,
  template: MessageTemplateRecord,
): Promise<void> => {
  await models.messageTemplates.insertOne(template);
};

/** The fields a template save replaces. */
export type MessageTemplateFields = Pick<
  MessageTemplateRecord,
  "name" | "description" | "channel" | "content"
>;

/** Replaces a template's fields; false when no template has the id. */
export const saveMessageTemplate = async (
  models: Collections,
  id: string,
  fields: MessageTemplateFields,
): Promise<boolean> => {
  const { description, ...rest } = fields;
  const result = await models.messageTemplates.updateOne(
    { _id: id },
    description === undefined
      ? { $set: { ...rest, updatedAt: new Date() }, $unset: { description: "" } }
      : { $set: { ...rest, description, updatedAt: new Date() } },
  );
  return result.matchedCount > 0;
};

/** Deletes a template (message steps made from it keep their copy); false when none had the id. */
export const deleteMessageTemplate = async (models: Collections, id: string): Promise<boolean> =>
  (await models.messageTemplates.deleteOne({ _id: id })).deletedCount > 0;
