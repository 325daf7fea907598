import { useState, type FormEvent } from "react";
import { Role } from "@omnijourney/shared";
import { errorMessage } from "../../api/client.js";
import { teamApi } from "../../api/team.js";
import { useResource } from "../../api/useResource.js";
import { roleName } from "../../auth/MeContext.js";
import { relativeTime } from "../../components/format.js";

/** API keys: write keys for sending events, bearer keys with a role for the management API. */
export function ApiKeysSection() {
  const keys = useResource(() => teamApi.keys(), []);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<"write" | "bearer">("write");
  const [role, setRole] = useState<Role>("viewer");
  const [shown, setShown] = useState<{ name: string; key: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const created = await teamApi.createKey(
        kind === "bearer" ? { name, kind, role } : { name, kind },
      );
      setShown({ name: created.apiKey.name, key: created.key });
      setName("");
      keys.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const revoke = (id: string) =>
    teamApi.revokeKey(id).then(keys.reload, (err: unknown) => setError(errorMessage(err)));
  return (
    <section className="card card__body stack" aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <p className="muted">
        A sending key lets a website or app send events; a management key lets a script use the API
        with the role you choose. Each key is shown once, when you create it.
      </p>
      <form
        className="row"
        onSubmit={create}
        style={{ gap: 12, flexWrap: "wrap", alignItems: "end" }}
      >
        <div className="field">
          <label className="field__label" htmlFor="key-name">
            Name
          </label>
          <input
            id="key-name"
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Website"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="key-kind">
            Kind
          </label>
          <select
            id="key-kind"
            className="input"
            value={kind}
            onChange={(e) => setKind(e.target.value === "bearer" ? "bearer" : "write")}
          >
            <option value="write">Sending events</option>
            <option value="bearer">Management API</option>
          </select>
        </div>
        {kind === "bearer" ? (
          <div className="field">
            <label className="field__label" htmlFor="key-role">
              Acts as
            </label>
            <select
              id="key-role"
              className="input"
              value={role}
              onChange={(e) => setRole(Role.parse(e.target.value))}
            >
              {Role.options.map((r) => (
                <option key={r} value={r}>
                  {roleName(r)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="btn btn--primary" disabled={!name.trim()}>
          Create key
        </button>
      </form>
      {error ? (
        <div className="alert alert--danger" role="alert">
          {error}
        </div>
      ) : null}
      {shown ? (
        <div className="alert" role="status" data-testid="new-key">
          Copy the key for <b>{shown.name}</b> now; it will not be shown again:
          <input
            className="input"
            readOnly
            value={shown.key}
            aria-label={`Key for ${shown.name}`}
            onFocus={(e) => e.target.select()}
          />
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Kind</th>
              <th>Starts with</th>
              <th>Created</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(keys.data ?? []).map((k) => (
              <tr key={k.id}>
                <td className="cell-title">{k.name}</td>
                <td>
                  {k.kind === "write"
                    ? "Sending events"
                    : `Management API (${roleName(k.role ?? "viewer")})`}
                </td>
                <td className="muted">
                  <code>{k.prefix}…</code>
                </td>
                <td className="muted">
                  {relativeTime(k.createdAt)} by {k.createdBy}
                </td>
                <td>{k.revokedAt ? `Revoked ${relativeTime(k.revokedAt)}` : "Active"}</td>
                <td>
                  {k.revokedAt ? null : (
                    <button
                      type="button"
                      className="btn btn--ghost"
                      onClick={() => void revoke(k.id)}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
