import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { query } from "../api/client.js";
import { journeysApi } from "../api/journeys.js";
import { messagesApi, type Message } from "../api/messages.js";
import { useResource } from "../api/useResource.js";
import { Dialog } from "../components/Dialog.js";
import { ExportButton } from "../components/ExportButton.js";
import { ProfilePicker } from "../components/ProfilePicker.js";
import { channelLabel, dateTime, money } from "../components/format.js";
import { useWorkspaceCurrency } from "../api/useWorkspaceCurrency.js";
import { EmptyState, ErrorState, Loading, StatusBadge } from "../components/States.js";

const CHANNELS = ["email", "sms", "push", "telegram", "whatsapp", "webhook", "inapp"];

/** `/messages`: every message sent or suppressed, with its rendered content and status. */
export function MessagesPage() {
  const [params, setParams] = useSearchParams();
  const channel = params.get("channel") ?? "";
  const journeyId = params.get("journeyId") ?? "";
  const profileId = params.get("profileId") ?? "";
  const messages = useResource(
    () =>
      messagesApi.list({
        channel: channel || undefined,
        journeyId: journeyId || undefined,
        profileId: profileId || undefined,
      }),
    [channel, journeyId, profileId],
    { pollMs: 5000 },
  );
  const [open, setOpen] = useState<Message | null>(null);
  const journeys = useResource(() => journeysApi.list(), []);
  const journeyName = (id: string) => journeys.data?.find((j) => j.id === id)?.name ?? "a journey";
  const currency = useWorkspaceCurrency();
  const rows = [...(messages.data ?? [])].sort((a, b) =>
    (b.createdAt ?? "").localeCompare(a.createdAt ?? ""),
  );
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <div className="page">
      <div className="page__header">
        <div className="grow">
          <h1>Messages</h1>
          <p className="page__sub">
            Every message the journeys sent, deferred or suppressed, with the reason.
          </p>
        </div>
      </div>
      <div className="toolbar-row">
        <label className="sr-only" htmlFor="filter-channel">
          Channel
        </label>
        <select
          id="filter-channel"
          className="select select--auto"
          value={channel}
          onChange={(e) => set("channel", e.target.value)}
        >
          <option value="">All channels</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {channelLabel(c)}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor="filter-profile">
          Profile
        </label>
        <ProfilePicker
          id="filter-profile"
          value={profileId}
          onChange={(id) => set("profileId", id)}
        />
        <label className="sr-only" htmlFor="filter-journey">
          Journey
        </label>
        <select
          id="filter-journey"
          className="select select--auto"
          value={journeyId}
          onChange={(e) => set("journeyId", e.target.value)}
        >
          <option value="">All journeys</option>
          {(journeys.data ?? []).map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
            </option>
          ))}
        </select>
        <span className="grow" />
        <ExportButton
          path={`/api/messages/export.csv${query({ channel, journeyId, profileId })}`}
          fileName="messages.csv"
          label="Export as CSV"
          testId="export-messages"
        />
      </div>
      {messages.loading ? (
        <div className="card card__body">
          <Loading />
        </div>
      ) : messages.error ? (
        <div className="card">
          <ErrorState error={messages.error} onRetry={messages.reload} />
        </div>
      ) : !messages.data?.length ? (
        <div className="card">
          <EmptyState icon="messages" title="No messages yet">
            Messages appear here as soon as a live journey sends one.
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="messages-table">
            <thead>
              <tr>
                <th>Sent</th>
                <th>Channel</th>
                <th>Status</th>
                <th>Content</th>
                <th>Profile</th>
                <th>Journey</th>
                <th className="num">Cost</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td className="muted nowrap">{dateTime(m.createdAt)}</td>
                  <td>{channelLabel(m.channel)}</td>
                  <td>
                    <StatusBadge status={m.status} />
                    {m.reason ? <div className="muted small">{m.reason}</div> : null}
                  </td>
                  <td className="cell-content">
                    <button type="button" className="linkish" onClick={() => setOpen(m)}>
                      {String(
                        m.content.subject ??
                          m.content.title ??
                          m.content.text ??
                          m.content.body ??
                          "(view)",
                      ).slice(0, 70)}
                    </button>
                  </td>
                  <td className="mono">
                    {m.profileId ? (
                      <Link to={`/profiles/${encodeURIComponent(m.profileId)}`}>{m.profileId}</Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>
                    {m.journeyId ? (
                      <Link to={`/journeys/${m.journeyId}`}>{journeyName(m.journeyId)}</Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="num">{m.cost === null ? "—" : money(m.cost, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open ? (
        <Dialog title={`${channelLabel(open.channel)} message`} onClose={() => setOpen(null)} wide>
          <dl className="kv">
            <dt>Status</dt>
            <dd>
              <StatusBadge status={open.status} /> {open.reason}
            </dd>
            <dt>Step</dt>
            <dd className="mono">{open.nodeId ?? "—"}</dd>
            {Object.entries(open.content)
              .filter(([k]) => k !== "html")
              .map(([k, v]) => (
                <div key={k} style={{ display: "contents" }}>
                  <dt>{k}</dt>
                  <dd className="prewrap">{typeof v === "string" ? v : JSON.stringify(v)}</dd>
                </div>
              ))}
          </dl>
          {typeof open.content.html === "string" ? (
            <iframe
              className="sim-message__frame"
              sandbox=""
              srcDoc={open.content.html}
              title="Email content"
            />
          ) : null}
        </Dialog>
      ) : null}
    </div>
  );
}
