import {
  Invitation,
  InviteInput,
  PasswordReset,
  User,
  UserChange,
  UserList,
} from "@omnijourney/shared";
import {
  deleteUserById,
  findUserById,
  insertInvitedUser,
  listUsers,
  revokeUserSessions,
  updateUser,
} from "@omnijourney/store";
import { endpoint } from "../http/endpoint.js";
import { AppError, notFound } from "../errors.js";
import { principalOf } from "../auth.js";
import { IdParams } from "../schemas/common.js";
import { recordAudit } from "../services/audit.js";
import { issueLink, mailLink, userView } from "../services/team.js";

const tags = ["team"];
const UserParams = IdParams;

export const listMembers = endpoint({
  method: "get",
  path: "/users",
  summary: "The workspace's members and invitations",
  tags,
  auth: "bearer",
  role: "viewer",
  response: UserList,
  handler: async (_i, { app }) => ({ users: (await listUsers(app.db)).map(userView) }),
});

export const inviteMember = endpoint({
  method: "post",
  path: "/users",
  summary:
    "Invite someone: returns the one-time link (shown once) and mails it when email is set up",
  tags,
  auth: "bearer",
  role: "admin",
  body: InviteInput,
  response: Invitation,
  status: 201,
  handler: async ({ body }, { app, req }): Promise<Invitation> => {
    const user = await insertInvitedUser(app.db, body);
    if (!user)
      throw new AppError(409, "email_taken", `${body.email} is already a member or invited`, {
        fields: ["body.email"],
      });
    const link = await issueLink(app, user, "invite");
    const emailed = await mailLink(app, user, "invite", link);
    await recordAudit(app, req, {
      action: "user.invited",
      object: { type: "user", id: user._id, name: user.name },
      after: { email: user.email, name: user.name, role: user.role },
      details: { emailed },
    });
    return { user: userView(user), link, emailed };
  },
});

const findMember = async (app: Parameters<typeof listUsers>[0], id: string) => {
  const user = await findUserById(app, id);
  if (!user) throw notFound("User", id);
  return user;
};

/** The admin token is always an admin; an admin account cannot be demoted or removed while it is the last one. */
const keepAnAdmin = async (app: Parameters<typeof listUsers>[0], id: string) => {
  const admins = (await listUsers(app)).filter((u) => u.role === "admin" && u.passwordHash);
  if (admins.length === 1 && admins[0]?._id === id)
    throw new AppError(409, "last_admin", "The workspace's last admin account stays an admin", {
      fields: ["params.id"],
    });
};

export const changeMember = endpoint({
  method: "patch",
  path: "/users/:id",
  summary: "Change a member's role or name; a role change ends their sessions",
  tags,
  auth: "bearer",
  role: "admin",
  params: UserParams,
  body: UserChange,
  response: User,
  handler: async ({ params, body }, { app, req }) => {
    const before = await findMember(app.db, params.id);
    if (body.role && body.role !== "admin" && before.role === "admin")
      await keepAnAdmin(app.db, before._id);
    const after = await updateUser(app.db, params.id, body);
    if (!after) throw notFound("User", params.id);
    if (body.role && body.role !== before.role) await revokeUserSessions(app.db, before._id);
    await recordAudit(app, req, {
      action: body.role && body.role !== before.role ? "user.role_changed" : "user.changed",
      object: { type: "user", id: after._id, name: after.name },
      before: { role: before.role, name: before.name },
      after: { role: after.role, name: after.name },
    });
    return userView(after);
  },
});

export const removeMember = endpoint({
  method: "delete",
  path: "/users/:id",
  summary: "Remove a member (or withdraw an invitation); their sessions end at once",
  tags,
  auth: "bearer",
  role: "admin",
  params: UserParams,
  handler: async ({ params }, { app, req }) => {
    const user = await findMember(app.db, params.id);
    if (principalOf(req).id === user._id)
      throw new AppError(409, "self_removal", "You cannot remove yourself", {
        fields: ["params.id"],
      });
    if (user.role === "admin") await keepAnAdmin(app.db, user._id);
    await revokeUserSessions(app.db, user._id);
    await deleteUserById(app.db, user._id);
    await recordAudit(app, req, {
      action: "user.removed",
      object: { type: "user", id: user._id, name: user.name },
      before: { email: user.email, name: user.name, role: user.role },
    });
    return undefined;
  },
});

export const resetMemberPassword = endpoint({
  method: "post",
  path: "/users/:id/password-reset",
  summary: "Issue a password reset link for a member: returned to the admin once, and mailed",
  tags,
  auth: "bearer",
  role: "admin",
  params: UserParams,
  response: PasswordReset,
  handler: async ({ params }, { app, req }): Promise<PasswordReset> => {
    const user = await findMember(app.db, params.id);
    const purpose = user.passwordHash ? "reset" : "invite";
    const link = await issueLink(app, user, purpose);
    const emailed = await mailLink(app, user, purpose, link);
    await recordAudit(app, req, {
      action: purpose === "reset" ? "user.reset_link_issued" : "user.invitation_reissued",
      object: { type: "user", id: user._id, name: user.name },
      details: { emailed },
    });
    return { link, emailed };
  },
});

export const userEndpoints = [
  listMembers,
  inviteMember,
  changeMember,
  removeMember,
  resetMemberPassword,
];
