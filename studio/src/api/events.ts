import { EventNames } from "@omnijourney/shared";
import { requestAs } from "./client.js";

export const eventsApi = {
  /** The workspace's tracked event names, most frequent first. */
  async names(): Promise<string[]> {
    return (await requestAs(EventNames, "GET", "/api/events/names")).items.map((e) => e.name);
  },
};
