import { z } from "zod";

/** A logged message; `createdAt` is an ISO 8601 string. */
export const MessageView = z
  .object({
    id: z.string(),
    channel: z.string(),
    status: z.string(),
    reason: z.string().nullable(),
    journeyId: z.string().nullable(),
    nodeId: z.string().nullable(),
    profileId: z.string(),
    /** The rendered fields (subject, body, text, ...). */
    content: z.record(z.string(), z.unknown()),
    cost: z.number(),
    createdAt: z.string().nullable(),
  })
  .meta({ id: "Message" });
/** A logged message. */
export type MessageView = z.infer<typeof MessageView>;

/** `GET /api/messages`: one page, newest first. */
export const MessagePage = z.object({
  items: z.array(MessageView),
  nextCursor: z.string().nullable(),
});
/** A page of messages. */
export type MessagePage = z.infer<typeof MessagePage>;
