import { Me } from "@omnijourney/shared";
import { endpoint } from "../http/endpoint.js";

/** The studio's sign-in check: 200 when the bearer token is valid (the auth middleware answers 401 otherwise). */
export const me = endpoint({
  method: "get",
  path: "/me",
  summary: "Who the bearer token belongs to",
  tags: ["system"],
  auth: "bearer",
  response: Me,
  handler: async (): Promise<Me> => ({ role: "admin", workspace: "default" }),
});
