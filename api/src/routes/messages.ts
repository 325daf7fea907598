import { z } from "zod";
import { Channel, MessagePage, MessageStatus, type MessageView } from "@omnijourney/shared";
import {
  isMessageId,
  listMessagePage,
  type MessagePosition,
  type MessageRecord,
} from "@omnijourney/store";
import { AppError } from "../errors.js";
import { endpoint } from "../http/endpoint.js";
import { CursorQuery, Id, decodeCursor, encodeCursor } from "../schemas/common.js";

/** A stored message as the API shows it (fields missing on documents of older versions read as empty). */
export const messageView = (m: MessageRecord): MessageView => ({
  id: String(m._id),
  channel: String(m.channel ?? ""),
  status: String(m.status ?? ""),
  reason: typeof m.reason === "string" ? m.reason : null,
  journeyId: typeof m.journeyId === "string" ? m.journeyId : null,
  nodeId: typeof m.nodeId === "string" ? m.nodeId : null,
  profileId: String(m.profileId ?? ""),
  content: m.content ?? {},
  cost: typeof m.cost === "number" ? m.cost : 0,
  createdAt: m.createdAt instanceof Date ? m.createdAt.toISOString() : null,
});

/** A page ends at (createdAt, id): message ids are not time-ordered, so pages follow creation time. */
const cursorPosition = (cursor: string | null): MessagePosition | null => {
  if (cursor === null) return null;
  const [at = "", id = ""] = cursor.split("|");
  const time = new Date(at);
  if (Number.isNaN(time.getTime()))
    throw new AppError(400, "invalid_request", "query.cursor is not a valid cursor", {
      fields: ["query.cursor"],
    });
  if (!isMessageId(id))
    throw new AppError(400, "invalid_request", "query.cursor is not a valid id", {
      fields: ["query.cursor"],
    });
  return { at: time, id };
};

/** What the message log filters on (the list and its CSV export). */
export const MessageFilter = z.object({
  profileId: Id.optional(),
  journeyId: Id.optional(),
  nodeId: Id.optional(),
  channel: Channel.optional(),
  status: MessageStatus.optional(),
});

export const listMessages = endpoint({
  method: "get",
  path: "/messages",
  summary: "Messages, newest first, filtered by profile, journey, channel or status",
  tags: ["messages"],
  auth: "bearer",
  role: "viewer",
  query: CursorQuery.extend(MessageFilter.shape),
  response: MessagePage,
  handler: async ({ query }, { app }): Promise<MessagePage> => {
    const { profileId, journeyId, nodeId, channel, status } = query;
    const docs = await listMessagePage(
      app.db,
      { profileId, journeyId, nodeId, channel, status },
      cursorPosition(decodeCursor(query.cursor)),
      query.limit + 1,
    );
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
