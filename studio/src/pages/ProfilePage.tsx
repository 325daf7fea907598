import { useState } from "react";
import { Channel } from "@omnijourney/shared";
import { Link, useNavigate, useParams } from "react-router";
import { errorMessage } from "../api/client.js";
import { profilesApi } from "../api/profiles.js";
import { useResource } from "../api/useResource.js";
import { dateTime } from "../components/format.js";
import { EmptyState, ErrorState, Loading, StatusBadge } from "../components/States.js";
import { displayName } from "./ProfilesPage.js";

const CHANNELS = Channel.options;

/** `/profiles/:id`: identifiers, attributes, consent per channel and the timeline. */
export function ProfilePage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const profile = useResource(() => profilesApi.get(id), [id]);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<"all" | "event" | "message" | "enrolment">("all");

  const setConsent = async (channel: string, status: string) => {
    setError(null);
    try {
      await profilesApi.update(id, { consent: { [channel]: { marketing: status } } });
      profile.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const erase = async () => {
    if (
      !window.confirm("Erase this profile and everything recorded about it? This cannot be undone.")
    )
      return;
    try {
      await profilesApi.remove(id);
      navigate("/profiles");
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  if (profile.loading)
    return (
      <div className="page">
        <Loading rows={8} />
      </div>
    );
  if (profile.error || !profile.data)
    return (
      <div className="page">
        <div className="card">
          <ErrorState
            error={profile.error}
            onRetry={profile.reload}
            notFound={{
              title: "Profile not found",
              message: "No profile has this id. It may have been erased.",
              back: { to: "/profiles", label: "Back to profiles" },
            }}
          />
        </div>
      </div>
    );
  const p = profile.data;
  const timeline = p.timeline
    .filter((t) => filter === "all" || t.kind === filter)
    .sort((a, b) => (b.at ?? "").localeCompare(a.at ?? ""));

  return (
    <div className="page">
      <div className="page__header">
        <div className="grow">
          <div className="crumbs">
            <Link to="/profiles">Profiles</Link> /
          </div>
          <h1>{displayName(p)}</h1>
          <p className="page__sub mono">{p.id}</p>
        </div>
        <button type="button" className="btn btn--danger" onClick={() => void erase()}>
          Erase profile
        </button>
      </div>
      {error ? (
        <div className="alert alert--danger" role="alert">
          {error}
        </div>
      ) : null}
      <div className="grid grid--profile">
        <div className="stack">
          <section className="card">
            <header className="card__header">
              <h2>Identity</h2>
            </header>
            <div className="card__body">
              <dl className="kv">
                <dt>User id</dt>
                <dd className="mono">{p.userId ?? "— (anonymous)"}</dd>
                <dt>Anonymous ids</dt>
                <dd className="mono">{p.anonymousIds.length ? p.anonymousIds.join(", ") : "—"}</dd>
                <dt>First seen</dt>
                <dd>{dateTime(p.createdAt)}</dd>
                <dt>Last update</dt>
                <dd>{dateTime(p.updatedAt)}</dd>
              </dl>
            </div>
          </section>
          <section className="card">
            <header className="card__header">
              <h2>Attributes</h2>
            </header>
            <div className="card__body">
              {Object.keys(p.attributes).length === 0 ? (
                <p className="muted">No attributes yet.</p>
              ) : (
                <dl className="kv">
                  {Object.entries(p.attributes).map(([k, v]) => (
                    <div key={k} style={{ display: "contents" }}>
                      <dt>{k}</dt>
                      <dd className={typeof v === "string" ? "" : "mono"}>
                        {typeof v === "string" ? v : JSON.stringify(v)}
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
            </div>
          </section>
          <section className="card">
            <header className="card__header">
              <h2>Consent</h2>
            </header>
            <table className="table table--compact">
              <thead>
                <tr>
                  <th>Channel</th>
                  <th>Marketing</th>
                  <th>Transactional</th>
                </tr>
              </thead>
              <tbody>
                {CHANNELS.map((channel) => {
                  const c = p.consent[channel];
                  return (
                    <tr key={channel}>
                      <td>{channel}</td>
                      <td>
                        <label className="sr-only" htmlFor={`consent-${channel}`}>
                          Marketing consent for {channel}
                        </label>
                        <select
                          id={`consent-${channel}`}
                          className="select select--sm"
                          value={c?.marketing ?? "unknown"}
                          onChange={(e) => void setConsent(channel, e.target.value)}
                        >
                          <option value="subscribed">subscribed</option>
                          <option value="unsubscribed">unsubscribed</option>
                          <option value="unknown">unknown</option>
                        </select>
                      </td>
                      <td>
                        <StatusBadge status={c?.transactional ?? "unknown"} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </div>
        <section className="card">
          <header className="card__header">
            <h2>Timeline</h2>
            <div className="tabs tabs--inline" role="tablist">
              {(["all", "event", "message", "enrolment"] as const).map((k) => (
                <button
                  key={k}
                  type="button"
                  role="tab"
                  className="tab"
                  aria-selected={filter === k}
                  onClick={() => setFilter(k)}
                >
                  {k === "all" ? "All" : `${k.charAt(0).toUpperCase()}${k.slice(1)}s`}
                </button>
              ))}
            </div>
          </header>
          {timeline.length === 0 ? (
            <EmptyState icon="clock" title="Nothing here yet">
              Events, messages and journeys of this customer appear here.
            </EmptyState>
          ) : (
            <ul className="timeline" data-testid="timeline">
              {timeline.map((t, i) => (
                <li key={i}>
                  <span className="muted">{dateTime(t.at)}</span>
                  <span>
                    <span
                      className={`badge badge--plain badge--${t.kind === "message" ? "info" : t.kind === "enrolment" ? "success" : "plain"}`}
                    >
                      {t.kind}
                    </span>
                  </span>
                  <span>
                    <b>{t.title}</b> <span className="muted small mono">{t.detail}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
