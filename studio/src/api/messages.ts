import { MessagePage, type MessageView } from "@omnijourney/shared";
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
};
