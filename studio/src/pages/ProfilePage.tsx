import { useState } from "react";
import { CONSENT_LABELS, consentLabel } from "../components/consentLabels.js";
import { Channel } from "@omnijourney/shared";
import { Link, useNavigate, useParams } from "react-router";
import { errorMessage } from "../api/client.js";
import { profilesApi } from "../api/profiles.js";
import { useResource } from "../api/useResource.js";
import { useCan } from "../auth/MeContext.js";
import { journeysApi } from "../api/journeys.js";
import { channelLabel, dateTime } from "../components/format.js";
import { KeyValues } from "../components/KeyValues.js";
import { EmptyState, ErrorState, SkeletonLayout } from "../components/States.js";
import { displayName } from "./ProfilesPage.js";

const CHANNELS = Channel.options;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `/profiles/:id`: identifiers, attributes, consent per channel and the timeline. */
export function ProfilePage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const profile = useResource(() => profilesApi.get(id), [id]);
  const journeys = useResource(() => journeysApi.list(), []);
  const journeyName = (journeyId: unknown) =>
    typeof journeyId === "string"
      ? (journeys.data?.find((j) => j.id === journeyId)?.name ?? "a journey")
      : "";
  const [error, setError] = useState<string | null>(null);
  // Consent changes need an editor; erasing a person needs an admin (as the API declares).
  const canEdit = useCan("editor");
  const canErase = useCan("admin");
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
        <div className="page__header">
          <div className="grow">
            <div className="crumbs">
              <Link to="/profiles">Profiles</Link> /
            </div>
            <h1>{id}</h1>
          </div>
        </div>
        <SkeletonLayout label="Loading the profile…" cards={0} panels={3} />
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
    // Newest first by instant: the API's times need not share one string format.
    .map((t, i) => ({ t, i, ms: Date.parse(t.at ?? "") || 0 }))
    .sort((a, b) => b.ms - a.ms || a.i - b.i)
    .map(({ t }) => t);

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
        <button
          type="button"
          className="btn btn--danger"
          onClick={() => void erase()}
          disabled={!canErase.allowed}
          title={canErase.why || undefined}
        >
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
                <KeyValues value={p.attributes} />
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
                      <td>{channelLabel(channel)}</td>
                      <td>
                        <label className="sr-only" htmlFor={`consent-${channel}`}>
                          Marketing consent for {channelLabel(channel)}
                        </label>
                        <select
                          id={`consent-${channel}`}
                          className="select select--sm"
                          value={c?.marketing ?? "unknown"}
                          onChange={(e) => void setConsent(channel, e.target.value)}
                          disabled={!canEdit.allowed}
                          title={canEdit.why || undefined}
                        >
                          {Object.entries(CONSENT_LABELS).map(([value, label]) => (
                            <option key={value} value={value}>
                              {label}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <span className={`badge badge--${c?.transactional ?? "unknown"}`}>
                          {consentLabel(c?.transactional ?? "unknown")}
                        </span>
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
                    {t.kind === "event" ? (
                      <>
                        <b>{t.title}</b>
                        {isRecord(t.raw.properties) && Object.keys(t.raw.properties).length ? (
                          <KeyValues value={t.raw.properties} depth={1} />
                        ) : null}
                      </>
                    ) : t.kind === "enrolment" ? (
                      <>
                        <b>Entered {journeyName(t.raw.journeyId)}</b>{" "}
                        <span className="muted small">{t.detail}</span>
                      </>
                    ) : (
                      <>
                        <b>{t.title}</b>{" "}
                        <span className="muted small">{journeyName(t.raw.journeyId)}</span>
                      </>
                    )}
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
