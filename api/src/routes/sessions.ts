import {
  AcceptInvitationInput,
  Me,
  PasswordReset,
  PasswordResetInput,
  PasswordResetRequest,
  SignInInput,
} from "@omnijourney/shared";
import {
  findUserByEmail,
  findUserById,
  redeemUserLink,
  revokeSession,
  revokeUserSessions,
  updateUser,
} from "@omnijourney/store";
import { endpoint } from "../http/endpoint.js";
import { AppError } from "../errors.js";
import { clearSessionCookie, sessionCookieOf } from "../http/session-cookie.js";
import { decoyHash, hashPassword, passwordMatches, secretHash } from "../services/credentials.js";
import { issueLink, mailLink, meView, startSession } from "../services/team.js";
import { recordAuditAs } from "../services/audit.js";

const tags = ["team"];
const wrongCredentials = () =>
  new AppError(401, "wrong_credentials", "That email and password do not match", {
    fields: ["body.email", "body.password"],
  });

export const signIn = endpoint({
  method: "post",
  path: "/sessions",
  summary: "Sign in with email and password: sets the session cookie (rate-limited per client)",
  tags,
  auth: "none",
  role: "public",
  body: SignInInput,
  response: Me,
  handler: async ({ body }, { app, res }) => {
    const user = await findUserByEmail(app.db, body.email);
    // An unknown address costs a verification too, so timing does not tell who has an account.
    const ok = await passwordMatches(user?.passwordHash ?? (await decoyHash()), body.password);
    if (!user?.passwordHash || !ok) throw wrongCredentials();
    return meView(app, await startSession(app, res, user));
  },
});

export const signOut = endpoint({
  method: "delete",
  path: "/sessions",
  summary: "Sign out: ends the session and clears its cookie",
  tags,
  auth: "none",
  role: "public",
  handler: async (_i, { app, req, res }) => {
    const cookie = sessionCookieOf(req);
    if (cookie) await revokeSession(app.db, secretHash(cookie));
    clearSessionCookie(res, app.config.publicUrl.startsWith("https:"));
    return undefined;
  },
});

/** Redeems a one-time link; a 400 naming the token when it is unknown, used or expired. */
const redeem = async (
  app: Parameters<typeof issueLink>[0],
  token: string,
  purpose: "invite" | "reset",
) => {
  const link = await redeemUserLink(app.db, secretHash(token), purpose);
  const user = link ? await findUserById(app.db, link.userId) : null;
  if (!user)
    throw new AppError(
      400,
      "link_invalid",
      "This link has been used or has expired; ask for a new one",
      {
        fields: ["body.token"],
      },
    );
  return user;
};

export const acceptInvitation = endpoint({
  method: "post",
  path: "/invitations/accept",
  summary: "Accept an invitation: choose a password (and name) and start a session",
  tags,
  auth: "none",
  role: "public",
  body: AcceptInvitationInput,
  response: Me,
  handler: async ({ body }, { app, res }) => {
    const invited = await redeem(app, body.token, "invite");
    const user = await updateUser(app.db, invited._id, {
      passwordHash: await hashPassword(body.password),
      ...(body.name ? { name: body.name } : {}),
    });
    if (!user) throw new AppError(400, "link_invalid", "This invitation's user was removed");
    await recordAuditAs(app, user, {
      action: "user.joined",
      object: { type: "user", id: user._id, name: user.name },
    });
    return meView(app, await startSession(app, res, user));
  },
});

export const requestPasswordReset = endpoint({
  method: "post",
  path: "/password-resets",
  summary:
    "Mail a password reset link (the answer is the same whether or not the address has an account)",
  tags,
  auth: "none",
  role: "public",
  body: PasswordResetRequest,
  response: PasswordReset,
  status: 202,
  handler: async ({ body }, { app }): Promise<PasswordReset> => {
    const user = await findUserByEmail(app.db, body.email);
    if (!user?.passwordHash) return { emailed: true };
    const sent = await mailLink(app, user, "reset", await issueLink(app, user, "reset"));
    if (!sent) app.logger.warn("a password reset was asked for but no mail could be sent");
    return { emailed: true };
  },
});

export const completePasswordReset = endpoint({
  method: "post",
  path: "/password-resets/complete",
  summary: "Choose a new password with a reset link; every other session of the user ends",
  tags,
  auth: "none",
  role: "public",
  body: PasswordResetInput,
  response: Me,
  handler: async ({ body }, { app, res }) => {
    const found = await redeem(app, body.token, "reset");
    await revokeUserSessions(app.db, found._id);
    const user = await updateUser(app.db, found._id, {
      passwordHash: await hashPassword(body.password),
    });
    if (!user) throw new AppError(400, "link_invalid", "This link's user was removed");
    await recordAuditAs(app, user, {
      action: "user.password_reset",
      object: { type: "user", id: user._id, name: user.name },
    });
    return meView(app, await startSession(app, res, user));
  },
});

export const sessionEndpoints = [
  signIn,
  signOut,
  acceptInvitation,
  requestPasswordReset,
  completePasswordReset,
];
