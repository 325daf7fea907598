import { EventNames } from "@omnijourney/shared";
import { sampledEventNames } from "@omnijourney/store";
import { endpoint } from "../http/endpoint.js";

export const listEventNames = endpoint({
  method: "get",
  path: "/events/names",
  summary:
    "The event names the workspace tracks, most frequent first (from a sample of the stored events)",
  tags: ["profiles"],
  auth: "bearer",
  role: "viewer",
  response: EventNames,
  handler: async (_input, { app }): Promise<EventNames> => ({
    items: await sampledEventNames(app.db),
  }),
});
