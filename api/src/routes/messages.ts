import { Channel, MessagePage, MessageStatus, type MessageView } from "@omnijourney/shared";
import type { Document, Filter, ObjectId } from "mongodb";
import { AppError } from "../errors.js";
import { endpoint } from "../http/endpoint.js";
import { CursorQuery, Id, decodeCursor, encodeCursor } from "../schemas/common.js";
import { objectId } from "../ids.js";

export const messageView = (m: Document): MessageView => ({
  id: String(m._id),
  channel: String(m.channel ?? ""),
  status: String(m.status ?? ""),
  reason: typeof m.reason === "string" ? m.reason : null,
  journeyId: typeof m.journeyId === "string" ? m.journeyId : null,
  nodeId: typeof m.nodeId === "string" ? m.nodeId : null,
  profileId: String(m.profileId ?? ""),
  content: (m.content ?? {}) as Record<string, unknown>, // why: Mixed map of rendered fields
  cost: typeof m.cost === "number" ? m.cost : 0,
  createdAt: m.createdAt instanceof Date ? m.createdAt.toISOString() : null,
});

/**
 * A page ends at (createdAt, _id): message ids derive from idempotency keys (runtime `messageDocumentId`) and are
 * not time-ordered, so pages follow creation time, with the id breaking ties.
 */
const cursorPosition = (cursor: string | null): { at: Date; id: ObjectId } | null => {
  if (cursor === null) return null;
  const [at = "", id = ""] = cursor.split("|");
  const time = new Date(at);
  if (Number.isNaN(time.getTime()))
    throw new AppError(400, "invalid_request", "query.cursor is not a valid cursor", {
      fields: ["query.cursor"],
    });
  return { at: time, id: objectId(id, "query.cursor") };
};

const olderThan = ({ at, id }: { at: Date; id: ObjectId }): Filter<Document> => ({
  $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: id } }],
});

export const listMessages = endpoint({
  method: "get",
  path: "/messages",
  summary: "Messages, newest first, filtered by profile, journey, channel or status",
  tags: ["messages"],
  auth: "bearer",
  query: CursorQuery.extend({
    profileId: Id.optional(),
    journeyId: Id.optional(),
    nodeId: Id.optional(),
    channel: Channel.optional(),
    status: MessageStatus.optional(),
  }),
  response: MessagePage,
  handler: async ({ query }, { app }): Promise<MessagePage> => {
    const filter: Filter<Document> = {};
    if (query.profileId) filter.profileId = query.profileId;
    if (query.journeyId) filter.journeyId = query.journeyId;
    if (query.nodeId) filter.nodeId = query.nodeId;
    if (query.channel) filter.channel = query.channel;
    if (query.status) filter.status = query.status;
    const after = cursorPosition(decodeCursor(query.cursor));
    const docs = await app.db.messages
      .find(after ? { $and: [filter, olderThan(after)] } : filter)
      .sort({ createdAt: -1, _id: -1 })
      .limit(query.limit + 1)
      .toArray();
    const page = docs.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(messageView),
      nextCursor:
        docs.length > query.limit && last
          ? encodeCursor(`${new Date(last.createdAt ?? 0).toISOString()}|${String(last._id)}`)
          : null,
    };
  },
});

export const messageEndpoints = [listMessages];
