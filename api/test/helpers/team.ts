import { expect } from "vitest";
import type { Role } from "@omnijourney/shared";
import type { TestApi } from "./api.js";

/** A signed-in studio user: the session cookie, and the CSRF token unsafe requests repeat. */
export type Member = {
  id: string;
  email: string;
  cookie: string;
  csrf: string;
  /** fetch as this user, as the studio does (cookie, and x-csrf-token on unsafe methods). */
  call(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
};

/** The session cookie a response set (its `name=value` part). */
export const sessionCookie = (res: Response): string => {
  const set = res.headers.getSetCookie().find((c) => c.startsWith("oj_session="));
  expect(set, "a session cookie").toBeDefined();
  return (set ?? "").split(";")[0] ?? "";
};

/** The one-time token of an invitation or reset link. */
export const tokenOf = (link: string): string => new URL(link).searchParams.get("token") ?? "";

export const memberFrom = (
  t: TestApi,
  res: Response,
  me: { csrfToken?: string; user?: { id: string; email: string } },
): Member => {
  const cookie = sessionCookie(res);
  const csrf = me.csrfToken ?? "";
  return {
    id: me.user?.id ?? "",
    email: me.user?.email ?? "",
    cookie,
    csrf,
    call: (path, init = {}) => {
      const method = init.method ?? (init.body === undefined ? "GET" : "POST");
      return fetch(`${t.url}${path}`, {
        method,
        headers: {
          cookie,
          ...(method === "GET" ? {} : { "x-csrf-token": csrf }),
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    },
  };
};

/** The admin invites someone, who accepts with a password: a signed-in member. */
export const invite = async (
  t: TestApi,
  who: { email: string; name: string; role: Role },
  password = "correct horse battery",
): Promise<Member & { link: string }> => {
  const invited = await t.api("/api/users", { body: who });
  expect(invited.status).toBe(201);
  const { link } = (await invited.json()) as { link: string }; // why: the Invitation body
  const accepted = await fetch(`${t.url}/api/invitations/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: tokenOf(link), password }),
  });
  expect(accepted.status).toBe(200);
  const me = (await accepted.json()) as {
    csrfToken?: string;
    user?: { id: string; email: string };
  }; // why: the Me body
  return { ...memberFrom(t, accepted, me), link };
};
