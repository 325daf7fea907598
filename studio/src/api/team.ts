import {
  ApiKeyList,
  Approval,
  ApprovalList,
  ApprovalSettings,
  AuditPage,
  CreatedApiKey,
  Invitation,
  Me,
  PasswordReset,
  User,
  UserList,
  type ApiKeyInput,
  type InviteInput,
  type Role,
} from "@omnijourney/shared";
import { query, request, requestAs } from "./client.js";

/** Signing in and out, invitations and resets (the answers set or clear the session cookie). */
export const sessionApi = {
  me: (token?: string) => requestAs(Me, "GET", "/api/me", undefined, token),
  signIn: (email: string, password: string) =>
    requestAs(Me, "POST", "/api/sessions", { email, password }),
  signOut: () => request("DELETE", "/api/sessions"),
  acceptInvitation: (token: string, password: string, name?: string) =>
    requestAs(Me, "POST", "/api/invitations/accept", {
      token,
      password,
      ...(name ? { name } : {}),
    }),
  completeReset: (token: string, password: string) =>
    requestAs(Me, "POST", "/api/password-resets/complete", { token, password }),
  requestReset: (email: string) =>
    requestAs(PasswordReset, "POST", "/api/password-resets", { email }),
};

export const teamApi = {
  users: async () => (await requestAs(UserList, "GET", "/api/users")).users,
  invite: (input: InviteInput) => requestAs(Invitation, "POST", "/api/users", input),
  setRole: (id: string, role: Role) =>
    requestAs(User, "PATCH", `/api/users/${encodeURIComponent(id)}`, { role }),
  remove: (id: string) => request("DELETE", `/api/users/${encodeURIComponent(id)}`),
  resetLink: (id: string) =>
    requestAs(PasswordReset, "POST", `/api/users/${encodeURIComponent(id)}/password-reset`, {}),
  keys: async () => (await requestAs(ApiKeyList, "GET", "/api/api-keys")).keys,
  createKey: (input: ApiKeyInput) => requestAs(CreatedApiKey, "POST", "/api/api-keys", input),
  revokeKey: (id: string) => request("DELETE", `/api/api-keys/${encodeURIComponent(id)}`),
};

export type AuditFilters = {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  since?: string;
};

export const auditApi = {
  list: async (filters: AuditFilters) =>
    (await requestAs(AuditPage, "GET", `/api/audit${query({ ...filters, limit: 200 })}`)).entries,
};

export const approvalsApi = {
  settings: () => requestAs(ApprovalSettings, "GET", "/api/approvals/settings"),
  setRequired: (required: boolean) =>
    requestAs(ApprovalSettings, "PUT", "/api/approvals/settings", { required }),
  list: async (filters: { status?: string; journeyId?: string }) =>
    (await requestAs(ApprovalList, "GET", `/api/approvals${query(filters)}`)).approvals,
  request: (journeyId: string, note: string) =>
    requestAs(Approval, "POST", `/api/journeys/${encodeURIComponent(journeyId)}/approvals`, {
      note,
    }),
  approve: (id: string, note: string) =>
    requestAs(
      Approval,
      "POST",
      `/api/approvals/${encodeURIComponent(id)}/approve`,
      note ? { note } : {},
    ),
  reject: (id: string, note: string) =>
    requestAs(Approval, "POST", `/api/approvals/${encodeURIComponent(id)}/reject`, { note }),
};
