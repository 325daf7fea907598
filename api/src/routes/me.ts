import { Me } from "@omnijourney/shared";
import { endpoint } from "../http/endpoint.js";
import { principalOf } from "../auth.js";
import { meView } from "../services/team.js";

/** Who is signed in, with which role; a session also gets its CSRF token here. */
export const me = endpoint({
  method: "get",
  path: "/me",
  summary: "Who the credentials belong to, and their role",
  tags: ["system"],
  auth: "bearer",
  role: "viewer",
  response: Me,
  handler: async (_i, { app, req }) => meView(app, principalOf(req)),
});
