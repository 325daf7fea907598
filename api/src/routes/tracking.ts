import { z } from "zod";
import { MESSAGE_EVENTS } from "@omnijourney/shared";
import { endpoint } from "../http/endpoint.js";
import { AppError, notFound } from "../errors.js";
import { Id } from "../schemas/common.js";
import { messageLinks } from "../tracking/links.js";
import {
  advanceMessage,
  findMessage,
  messageProperties,
  recordEvent,
} from "../services/feedback.js";

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

export const openPixel = endpoint({
  method: "get",
  path: "/t/o/:id",
  summary: "Open-tracking pixel: records message_opened on the message's profile",
  tags: ["tracking"],
  auth: "none",
  role: "public",
  params: z.object({
    id: z
      .string()
      .max(64)
      .transform((s) => s.replace(/\.gif$/, "")),
  }),
  raw: { contentType: "image/gif", description: "A 1×1 transparent GIF" },
  handler: async ({ params }, { app, res }) => {
    const message = await findMessage(app, params.id);
    // The pixel is served whatever happens, so a mail client never shows a broken image.
    if (message) {
      await advanceMessage(app, message, "opened");
      await recordEvent(app, {
        profileId: message.profileId,
        event: MESSAGE_EVENTS.opened,
        properties: messageProperties(message),
        source: "tracking",
      });
    }
    res.setHeader("cache-control", "no-store, max-age=0");
    res.type("image/gif").send(PIXEL);
  },
});

export const clickRedirect = endpoint({
  method: "get",
  path: "/t/c/:id",
  summary:
    "Click tracking: records message_clicked and redirects, only to a link the message contained exactly",
  tags: ["tracking"],
  auth: "none",
  role: "public",
  params: z.object({ id: Id }),
  query: z.object({ url: z.url({ protocol: /^https?$/ }).max(4000) }),
  raw: { contentType: "text/plain", description: "302 redirect to the original link" },
  handler: async ({ params, query }, { app, res }) => {
    const message = await findMessage(app, params.id);
    if (!message) throw notFound("Message", params.id);
    if (!messageLinks(message.content, query.url)) {
      throw new AppError(400, "unknown_link", "The message did not contain this link", {
        fields: ["query.url"],
      });
    }
    await advanceMessage(app, message, "clicked");
    await recordEvent(app, {
      profileId: message.profileId,
      event: MESSAGE_EVENTS.clicked,
      properties: { ...messageProperties(message), url: query.url },
      source: "tracking",
    });
    res.redirect(302, query.url);
  },
});

export const trackingEndpoints = [openPixel, clickRedirect];
