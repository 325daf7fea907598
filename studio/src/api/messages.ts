import {
  MessagePage,
  MessagePreview,
  type MessagePreviewInput,
  type MessageView,
} from "@omnijourney/shared";
import { query, requestAs } from "./client.js";

export type Message = MessageView;

export const messagesApi = {
  async list(filter: {
    profileId?: string;
    journeyId?: string;
    channel?: string;
  }): Promise<Message[]> {
    return (await requestAs(MessagePage, "GET", `/api/messages${query(filter)}`)).items;
  },
  /** Template fields rendered by the API with the runtime's Liquid engine, for a profile and a sample event. */
  preview(input: MessagePreviewInput): Promise<MessagePreview> {
    return requestAs(MessagePreview, "POST", "/api/messages/preview", input);
  },
};
