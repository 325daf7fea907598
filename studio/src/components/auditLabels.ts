/** What an audit action means, in a marketer's words. */
const ACTIONS: Record<string, string> = {
  "journey.published": "Published",
  "journey.paused": "Paused",
  "journey.resumed": "Resumed",
  "journey.archived": "Archived",
  "journey.publication_requested": "Asked for approval",
  "journey.publication_approved": "Approved publication",
  "journey.publication_rejected": "Rejected publication",
  "experiment.winner_declared": "Declared an experiment winner",
  "segment.created": "Created a segment",
  "segment.updated": "Changed a segment",
  "segment.deleted": "Deleted a segment",
  "settings.changed": "Changed settings",
  "settings.providers_changed": "Changed channel providers",
  "settings.approvals_changed": "Changed approvals",
  "user.invited": "Invited",
  "user.joined": "Joined the team",
  "user.role_changed": "Changed a role",
  "user.changed": "Changed a member",
  "user.removed": "Removed from the team",
  "user.password_reset": "Reset their password",
  "user.reset_link_issued": "Sent a password reset link",
  "user.invitation_reissued": "Sent a new invitation",
  "api_key.created": "Created an API key",
  "api_key.revoked": "Revoked an API key",
  "template.created": "Created a template",
  "template.updated": "Changed a template",
  "template.deleted": "Deleted a template",
  "snippet.created": "Created a snippet",
  "snippet.updated": "Changed a snippet",
  "snippet.deleted": "Deleted a snippet",
};

export const actionLabel = (action: string): string =>
  ACTIONS[action] ?? action.replace(/[._]/g, " ");

/** The kinds of things the log filters on. */
export const OBJECT_TYPES: { value: string; label: string }[] = [
  { value: "journey", label: "Journeys" },
  { value: "segment", label: "Segments" },
  { value: "settings", label: "Settings" },
  { value: "user", label: "Team members" },
  { value: "api_key", label: "API keys" },
  { value: "template", label: "Templates" },
  { value: "snippet", label: "Snippets" },
];

/** "status: live → paused": the fields a change touched, before and after. */
export const changeSummary = (
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): string => {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const show = (v: unknown) =>
    v === undefined || v === null ? "—" : typeof v === "object" ? "…" : String(v);
  return keys
    .filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]))
    .map(
      (k) =>
        `${k.replace(/([A-Z])/g, " $1").toLowerCase()}: ${show(before?.[k])} → ${show(after?.[k])}`,
    )
    .join("; ");
};
