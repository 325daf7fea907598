import { z } from "zod";

/** What a person or key may do, each role including the ones before it: viewer < editor < publisher < admin. */
export const Role = z.enum(["viewer", "editor", "publisher", "admin"]);
/** A workspace role. */
export type Role = z.infer<typeof Role>;

/** Whether `held` includes what `needed` allows (roles are ordered: viewer < editor < publisher < admin). */
export const roleAllows = (held: Role, needed: Role): boolean =>
  Role.options.indexOf(held) >= Role.options.indexOf(needed);

/** A member of the workspace; an invited one has not chosen a password yet. */
export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: Role,
    status: z.enum(["invited", "active"]),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
/** A member of the workspace. */
export type User = z.infer<typeof User>;

export const UserList = z.object({ users: z.array(User) }).meta({ id: "UserList" });
/** The workspace's members. */
export type UserList = z.infer<typeof UserList>;

/** An invitation: the one-time link is a credential, shown to the inviter once and mailed when SMTP is set. */
export const Invitation = z
  .object({ user: User, link: z.string(), emailed: z.boolean() })
  .meta({ id: "Invitation" });
/** An invitation, with its one-time link. */
export type Invitation = z.infer<typeof Invitation>;

/** A password reset: the link is returned to an admin who asks for someone else, mailed otherwise. */
export const PasswordReset = z
  .object({ link: z.string().optional(), emailed: z.boolean() })
  .meta({ id: "PasswordReset" });
/** The answer to a password reset request. */
export type PasswordReset = z.infer<typeof PasswordReset>;

/** The signed-in identity: who, with which role, through which credential. */
export const Me = z
  .object({
    role: Role,
    workspace: z.string(),
    name: z.string(),
    via: z.enum(["admin_token", "session", "api_key"]),
    user: User.optional(),
    /** For a session: the token unsafe requests repeat in `x-csrf-token`. */
    csrfToken: z.string().optional(),
    /** Whether publishing goes through approvals (the workspace setting). */
    approvalsRequired: z.boolean(),
  })
  .meta({ id: "Me" });
/** The signed-in identity. */
export type Me = z.infer<typeof Me>;

/** An API key as listed: the key itself is shown once, at creation, and only its hash is stored. */
export const ApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(["write", "bearer"]),
    /** Bearer keys act with this role on /api; write keys only ingest. */
    role: Role.optional(),
    /** The key's first characters, to recognise it. */
    prefix: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().optional(),
  })
  .meta({ id: "ApiKey" });
/** An API key, without the key. */
export type ApiKey = z.infer<typeof ApiKey>;

export const ApiKeyList = z.object({ keys: z.array(ApiKey) }).meta({ id: "ApiKeyList" });
/** The workspace's API keys, revoked ones included. */
export type ApiKeyList = z.infer<typeof ApiKeyList>;

export const CreatedApiKey = z
  .object({ apiKey: ApiKey, key: z.string() })
  .meta({ id: "CreatedApiKey" });
/** A new key, with the key in clear this once. */
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

/** One entry of the audit log. */
export const AuditEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    object: z.object({ type: z.string(), id: z.string(), name: z.string().optional() }),
    before: z.record(z.string(), z.unknown()).optional(),
    after: z.record(z.string(), z.unknown()).optional(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditEntry" });
/** One entry of the audit log. */
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ entries: z.array(AuditEntry) }).meta({ id: "AuditPage" });
/** Audit entries, newest first. */
export type AuditPage = z.infer<typeof AuditPage>;

/** A request to publish a journey's draft, and its outcome. */
export const Approval = z
  .object({
    id: z.string(),
    journeyId: z.string(),
    journeyName: z.string(),
    status: z.enum(["pending", "approved", "rejected", "withdrawn"]),
    note: z.string(),
    requestedBy: z.string(),
    requestedAt: z.string(),
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
    decisionNote: z.string().optional(),
    /** The version approval published. */
    version: z.number().optional(),
    /** The draft as requested: what a publisher compares with the live version. */
    document: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "Approval" });
/** A publication request. */
export type Approval = z.infer<typeof Approval>;

export const ApprovalList = z.object({ approvals: z.array(Approval) }).meta({ id: "ApprovalList" });
/** Publication requests, newest first. */
export type ApprovalList = z.infer<typeof ApprovalList>;

export const ApprovalSettings = z
  .object({ required: z.boolean() })
  .meta({ id: "ApprovalSettings" });
/** Whether editors request publication and publishers approve it. */
export type ApprovalSettings = z.infer<typeof ApprovalSettings>;

/** A password: long enough to resist guessing, short enough to hash quickly. */
export const Password = z.string().min(10, "use at least 10 characters").max(200);
const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("an email address such as ada@example.com"));
const Name = z.string().trim().min(1, "a name").max(100);
const Note = z.string().trim().max(2_000);

export const SignInInput = z
  .object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) })
  .strict()
  .meta({ id: "SignInInput" });
/** Email-and-password sign-in. */
export type SignInInput = z.infer<typeof SignInInput>;

export const InviteInput = z
  .object({ email: Email, name: Name, role: Role })
  .strict()
  .meta({ id: "InviteInput" });
/** Who to invite, with which role. */
export type InviteInput = z.infer<typeof InviteInput>;

export const UserChange = z
  .object({ role: Role, name: Name })
  .partial()
  .strict()
  .meta({ id: "UserChange" });
/** A change to a member: role or name. */
export type UserChange = z.infer<typeof UserChange>;

export const AcceptInvitationInput = z
  .object({ token: z.string().min(1).max(200), password: Password, name: Name.optional() })
  .strict()
  .meta({ id: "AcceptInvitationInput" });
/** Accepting an invitation: the link's token and a password. */
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

export const PasswordResetRequest = z
  .object({ email: z.string().trim().min(1).max(320) })
  .strict()
  .meta({ id: "PasswordResetRequest" });
/** Asking for a reset link by email. */
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

export const PasswordResetInput = z
  .object({ token: z.string().min(1).max(200), password: Password })
  .strict()
  .meta({ id: "PasswordResetInput" });
/** Choosing a new password with a reset link's token. */
export type PasswordResetInput = z.infer<typeof PasswordResetInput>;

export const ApiKeyInput = z
  .object({ name: Name, kind: z.enum(["write", "bearer"]), role: Role.optional() })
  .strict()
  .refine((k) => k.kind === "write" || k.role !== undefined, {
    path: ["role"],
    message: "a bearer key needs a role",
  })
  .meta({ id: "ApiKeyInput" });
/** A key to create. */
export type ApiKeyInput = z.infer<typeof ApiKeyInput>;

export const ApprovalRequestInput = z
  .object({ note: Note })
  .strict()
  .meta({ id: "ApprovalRequestInput" });
/** A publication request's note. */
export type ApprovalRequestInput = z.infer<typeof ApprovalRequestInput>;

export const ApprovalDecisionInput = z
  .object({ note: Note.optional() })
  .strict()
  .meta({ id: "ApprovalDecisionInput" });
/** A decision's note (required to reject, in the route). */
export type ApprovalDecisionInput = z.infer<typeof ApprovalDecisionInput>;
