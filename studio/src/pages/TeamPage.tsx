import { useState, type FormEvent } from "react";
import { Role, type User } from "@omnijourney/shared";
import { errorMessage } from "../api/client.js";
import { approvalsApi, teamApi } from "../api/team.js";
import { useResource } from "../api/useResource.js";
import { roleName, useCan, useMe } from "../auth/MeContext.js";
import { relativeTime } from "../components/format.js";
import { ErrorState, Loading } from "../components/States.js";
import { ApiKeysSection } from "./team/ApiKeysSection.js";

const ROLE_HELP: Record<Role, string> = {
  viewer: "reads everything, changes nothing",
  editor: "drafts journeys and segments, sends tests",
  publisher: "also publishes, pauses, archives and declares winners",
  admin: "also settings, providers, the team and API keys",
};

/** `/team`: members and invitations, roles, approvals and API keys. */
export function TeamPage() {
  const admin = useCan("admin");
  const users = useResource(() => teamApi.users(), []);
  return (
    <div className="page">
      <div className="page__header">
        <div className="grow">
          <h1>Team</h1>
          <p className="page__sub">Who works in this workspace, and what each of them may do.</p>
        </div>
      </div>
      {!admin.allowed ? (
        <p className="alert" role="note">
          {admin.why} Ask an admin to invite people or change roles.
        </p>
      ) : null}
      {admin.allowed ? <InviteForm onInvited={users.reload} /> : null}
      {users.loading ? (
        <Loading />
      ) : users.error ? (
        <ErrorState error={users.error} onRetry={users.reload} />
      ) : (
        <Members users={users.data ?? []} canManage={admin.allowed} onChanged={users.reload} />
      )}
      {admin.allowed ? <ApprovalsSwitch /> : null}
      {admin.allowed ? <ApiKeysSection /> : null}
    </div>
  );
}

function InviteForm({ onInvited }: { onInvited(): void }) {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [link, setLink] = useState<{ who: string; link: string; emailed: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const invitation = await teamApi.invite({ email, name, role });
      setLink({ who: invitation.user.name, link: invitation.link, emailed: invitation.emailed });
      setEmail("");
      setName("");
      onInvited();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <section className="card card__body stack" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <form
        className="row"
        onSubmit={submit}
        style={{ gap: 12, flexWrap: "wrap", alignItems: "end" }}
      >
        <div className="field">
          <label className="field__label" htmlFor="invite-email">
            Email
          </label>
          <input
            id="invite-email"
            className="input"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="invite-person">
            Name
          </label>
          <input
            id="invite-person"
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="invite-role">
            Role
          </label>
          <select
            id="invite-role"
            className="input"
            value={role}
            onChange={(e) => setRole(Role.parse(e.target.value))}
          >
            {Role.options.map((r) => (
              <option key={r} value={r}>
                {roleName(r)} — {ROLE_HELP[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn--primary" disabled={!email.trim() || !name.trim()}>
          Send invitation
        </button>
      </form>
      {error ? (
        <div className="alert alert--danger" role="alert">
          {error}
        </div>
      ) : null}
      {link ? (
        <div className="alert" role="status" data-testid="invitation-link">
          <b>{link.who}</b> can join with this link (it works once, for 7 days
          {link.emailed ? "; we also emailed it" : "; email is not set up, so send it yourself"}):
          <input
            className="input"
            readOnly
            value={link.link}
            aria-label={`Invitation link for ${link.who}`}
            onFocus={(e) => e.target.select()}
          />
          It is shown only now.
        </div>
      ) : null}
    </section>
  );
}

function Members({
  users,
  canManage,
  onChanged,
}: {
  users: User[];
  canManage: boolean;
  onChanged(): void;
}) {
  const me = useMe();
  const [error, setError] = useState<string | null>(null);
  const act = (run: () => Promise<unknown>) =>
    run().then(onChanged, (err: unknown) => setError(errorMessage(err)));
  return (
    <section className="stack" aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      {error ? (
        <div className="alert alert--danger" role="alert">
          {error}
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              <th>Joined</th>
              {canManage ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid={`member-${u.email}`}>
                <td className="cell-title">{u.name}</td>
                <td className="muted">{u.email}</td>
                <td>
                  {canManage && u.id !== me?.user?.id ? (
                    <select
                      className="input"
                      aria-label={`Role of ${u.name}`}
                      value={u.role}
                      onChange={(e) =>
                        void act(() => teamApi.setRole(u.id, Role.parse(e.target.value)))
                      }
                    >
                      {Role.options.map((r) => (
                        <option key={r} value={r}>
                          {roleName(r)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    roleName(u.role)
                  )}
                </td>
                <td>{u.status === "invited" ? "Invited" : "Active"}</td>
                <td className="muted">{relativeTime(u.createdAt)}</td>
                {canManage ? (
                  <td>
                    {u.id !== me?.user?.id ? (
                      <button
                        type="button"
                        className="btn btn--ghost"
                        onClick={() => void act(() => teamApi.remove(u.id))}
                      >
                        Remove
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ApprovalsSwitch() {
  const setting = useResource(() => approvalsApi.settings(), []);
  // Shown at once, saved behind; a refusal puts it back.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = (required: boolean) => {
    setChosen(required);
    setError(null);
    approvalsApi.setRequired(required).then(
      () => setting.reload(),
      (err: unknown) => {
        setChosen(null);
        setError(errorMessage(err));
      },
    );
  };
  return (
    <section className="card card__body stack" aria-labelledby="approvals-title">
      <h2 id="approvals-title">Approvals</h2>
      <label className="row" style={{ gap: 8 }}>
        <input
          type="checkbox"
          checked={chosen ?? setting.data?.required ?? false}
          disabled={setting.loading}
          onChange={(e) => toggle(e.target.checked)}
        />
        Editors ask a publisher to approve before a journey goes live
      </label>
      {error ? (
        <div className="alert alert--danger" role="alert">
          {error}
        </div>
      ) : null}
    </section>
  );
}
