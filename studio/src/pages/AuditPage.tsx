import { useState } from "react";
import { useSearchParams } from "react-router";
import { auditApi } from "../api/team.js";
import { useResource } from "../api/useResource.js";
import { AuditTable } from "../components/AuditTable.js";
import { OBJECT_TYPES } from "../components/auditLabels.js";
import { ErrorState, Loading } from "../components/States.js";

/** `/audit`: who did what, when, filterable by person, kind of thing and date. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters = {
    actor: params.get("actor") ?? undefined,
    objectType: params.get("objectType") ?? undefined,
    objectId: params.get("objectId") ?? undefined,
    since: params.get("since") ?? undefined,
  };
  const [actor, setActor] = useState(filters.actor ?? "");
  const entries = useResource(
    () =>
      auditApi.list({
        ...filters,
        ...(filters.since ? { since: new Date(`${filters.since}T00:00:00`).toISOString() } : {}),
      }),
    [params.toString()],
  );
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  return (
    <div className="page">
      <div className="page__header">
        <div className="grow">
          <h1>Audit log</h1>
          <p className="page__sub">
            Every publish, pause, change of settings, team member and key: who, what and when.
          </p>
        </div>
      </div>
      <form
        className="row"
        style={{ gap: 12, flexWrap: "wrap", alignItems: "end" }}
        onSubmit={(e) => {
          e.preventDefault();
          set("actor", actor.trim());
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor="audit-actor">
            Who
          </label>
          <input
            id="audit-actor"
            className="input"
            placeholder="Name or email"
            value={actor}
            onChange={(e) => setActor(e.target.value)}
            onBlur={() => set("actor", actor.trim())}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="audit-type">
            About
          </label>
          <select
            id="audit-type"
            className="input"
            value={filters.objectType ?? ""}
            onChange={(e) => set("objectType", e.target.value)}
          >
            <option value="">Everything</option>
            {OBJECT_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="audit-since">
            Since
          </label>
          <input
            id="audit-since"
            className="input"
            type="date"
            value={filters.since ?? ""}
            onChange={(e) => set("since", e.target.value)}
          />
        </div>
      </form>
      {entries.loading && !entries.data ? (
        <Loading />
      ) : entries.error ? (
        <ErrorState error={entries.error} onRetry={entries.reload} />
      ) : (
        <AuditTable entries={entries.data ?? []} />
      )}
    </div>
  );
}
