import { MessagePreview, MessagePreviewInput } from "@omnijourney/shared";
import { endpoint } from "../http/endpoint.js";
import { safe } from "../schemas/common.js";
import { previewMessage } from "../services/message-preview.js";

export const previewMessageEndpoint = endpoint({
  method: "post",
  path: "/messages/preview",
  summary:
    "Render a message's template fields for a profile and a sample event with the runtime's Liquid engine (nothing is sent); SMS gets its encoding and part count",
  tags: ["messages"],
  auth: "bearer",
  role: "viewer",
  body: safe(MessagePreviewInput),
  response: MessagePreview,
  handler: async ({ body }, { app }) => previewMessage(app, body),
});
