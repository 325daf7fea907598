import { randomBytes, randomUUID } from "node:crypto";
import type { Response } from "express";
import type { Me, Role, User } from "@omnijourney/shared";
import {
  approvalsRequired,
  insertSession,
  issueUserLink,
  type UserRecord,
} from "@omnijourney/store";
import type { Principal } from "../auth.js";
import type { ApiContext } from "../context.js";
import { SESSION_MS, setSessionCookie } from "../http/session-cookie.js";
import { newSecret, secretHash } from "./credentials.js";
import { workspaceProviders } from "./test-messages.js";

/** Invitations last a week, password resets an hour. */
const LINK_MS = { invite: 7 * 24 * 3600_000, reset: 3600_000 } as const;
const LINK_PAGE = { invite: "invite", reset: "reset-password" } as const;

export const userView = (u: UserRecord): User => ({
  id: u._id,
  email: u.email,
  name: u.name,
  role: u.role,
  status: u.passwordHash ? "active" : "invited",
  createdAt: u.createdAt.toISOString(),
});

/** A one-time link for the studio's invitation or reset page; only the token's hash is stored. */
export const issueLink = async (
  app: ApiContext,
  user: UserRecord,
  purpose: "invite" | "reset",
): Promise<string> => {
  const token = newSecret("");
  await issueUserLink(app.db, {
    tokenHash: secretHash(token),
    userId: user._id,
    purpose,
    expiresAt: new Date(Date.now() + LINK_MS[purpose]),
  });
  const base = app.config.publicUrl.replace(/\/+$/, "");
  return `${base}/${LINK_PAGE[purpose]}?token=${token}`;
};

/**
 * Mails a link through the workspace's email provider; false when there is no relay (the sandbox) or the
 * send failed. The link is a credential: it goes in the mail and in the inviter's answer, never in a log.
 */
export const mailLink = async (
  app: ApiContext,
  user: UserRecord,
  purpose: "invite" | "reset",
  link: string,
): Promise<boolean> => {
  const { providers, emailProblem } = await workspaceProviders(app);
  try {
    if (emailProblem) return false;
    const content =
      purpose === "invite"
        ? {
            subject: "You are invited to Omnijourney",
            text: `Hello ${user.name},\n\nChoose your password to join the workspace: ${link}\n\nThe link works once, for 7 days.`,
          }
        : {
            subject: "Reset your Omnijourney password",
            text: `Hello ${user.name},\n\nChoose a new password: ${link}\n\nThe link works once, for an hour. Ignore this mail if you did not ask.`,
          };
    const result = await providers.send({
      channel: "email",
      to: user.email,
      content,
      category: "transactional",
      idempotencyKey: `team-${randomUUID()}`,
      metadata: {},
    });
    if (result.status !== "sent")
      app.logger.warn({ userId: user._id, purpose }, "the team mail was not sent");
    return result.status === "sent";
  } finally {
    await providers.close();
  }
};

/** Starts a studio session for a user: the cookie carries the secret, the store its hash. */
export const startSession = async (
  app: ApiContext,
  res: Response,
  user: UserRecord,
): Promise<Principal> => {
  const secret = newSecret("");
  const csrfToken = randomBytes(24).toString("base64url");
  await insertSession(app.db, {
    _id: secretHash(secret),
    userId: user._id,
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_MS),
  });
  setSessionCookie(res, secret, app.config.publicUrl.startsWith("https:"));
  return {
    via: "session",
    role: user.role,
    name: `${user.name} <${user.email}>`,
    id: user._id,
    user,
    csrfToken,
    sessionId: secretHash(secret),
  };
};

/** The `/api/me` answer for a principal. */
export const meView = async (app: ApiContext, p: Principal): Promise<Me> => ({
  role: p.role,
  workspace: "default",
  name: p.user?.name ?? p.name,
  via: p.via,
  ...(p.user ? { user: userView(p.user) } : {}),
  ...(p.csrfToken ? { csrfToken: p.csrfToken } : {}),
  approvalsRequired: await approvalsRequired(app.db),
});

/** Roles an assignment may not lower below: the last admin stays an admin. */
export const isDemotion = (from: Role, to: Role): boolean => from === "admin" && to !== "admin";
