import { useState } from "react";
import { errorMessage } from "../api/client.js";
import { journeysApi, type SimulationResult } from "../api/journeys.js";
import { useEditorEnvironment } from "../canvas/hooks/EditorContext.js";
import { Icon } from "../components/Icon.js";
import { usePreview } from "./preview.js";
import { SendTestsToMe } from "./SendTestsToMe.js";

type EventRow = {
  event: string;
  properties: string;
  amount: number;
  unit: "second" | "minute" | "hour" | "day";
};
/**
 * The simulated send's time of day (quiet hours act on it). Not the date: the simulation runs on
 * Temporal's time-skipping clock, whose date can be years ahead; the offset says when it goes out.
 */
const timeOfDay = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

const UNIT_SECONDS = { second: 1, minute: 60, hour: 3600, day: 86400 } as const;
const DELAY_UNITS = ["second", "minute", "hour", "day"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** "+2d 3h" from seconds since the journey started for this profile. */
export function formatOffset(seconds: number): string {
  if (seconds <= 0) return "at entry";
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
    ["s", 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return `+${parts.slice(0, 2).join(" ")}`;
}

function offsetOf(at: string | number | undefined, start: number | null): number | null {
  if (at === undefined) return null;
  if (typeof at === "number") return at > 1e11 && start !== null ? (at - start) / 1000 : at;
  const t = Date.parse(at);
  return Number.isNaN(t) || start === null ? null : (t - start) / 1000;
}

/** Why the simulated send did not happen, in a marketer's words. */
const NOT_SENT: Record<string, string> = {
  no_address: "the profile has no address on this channel",
  no_consent: "the profile has not consented to marketing on this channel",
  transactional_unsubscribed: "the profile unsubscribed on this channel",
  frequency_cap: "the frequency cap was reached",
  quiet_hours: "quiet hours",
  render_error: "a template could not be rendered",
};

/** A simulated message that was rendered and would go out (suppressed ones carry no content). */
export function wouldSend(m: { status?: string; content: Record<string, unknown> }): boolean {
  return (m.status === undefined || m.status === "sent") && Object.keys(m.content).length > 0;
}

/** "Test this journey": simulate a profile and hypothetical events; the path lights up on the canvas. */
export function TestPanel({
  journeyId,
  saveNow,
  onClose,
}: {
  journeyId: string;
  saveNow(): Promise<void>;
  onClose(): void;
}) {
  const { store, catalog } = useEditorEnvironment();
  const preview = usePreview();
  const [mode, setMode] = useState<"existing" | "describe">(
    preview?.profiles.length ? "existing" : "describe",
  );
  const [profileId, setProfileId] = useState(preview?.profile?.id ?? "");
  const [attributes, setAttributes] = useState(
    '{\n  "email": "ada@example.com",\n  "firstName": "Ada"\n}',
  );
  const trigger = store.getState().graph.nodes.find((n) => n.type === "trigger.event");
  const [events, setEvents] = useState<EventRow[]>([
    {
      event: typeof trigger?.config.event === "string" ? trigger.config.event : "",
      properties: "{}",
      amount: 0,
      unit: "second",
    },
  ]);
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Bumped per run, so the send-to-me results of an earlier run do not linger. */
  const [runs, setRuns] = useState(0);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const parsedEvents = events
        .filter((e) => e.event.trim())
        .map((e) => {
          const properties: unknown = e.properties.trim() ? JSON.parse(e.properties) : {};
          return {
            event: e.event.trim(),
            properties: isRecord(properties) ? properties : {},
            atSeconds: e.amount * UNIT_SECONDS[e.unit],
          };
        });
      const attrs: unknown = mode === "describe" ? JSON.parse(attributes) : null;
      await saveNow();
      const res = await journeysApi.simulate(journeyId, {
        ...(mode === "existing" && profileId
          ? { profileId }
          : { profile: { attributes: isRecord(attrs) ? attrs : {} } }),
        events: parsedEvents,
      });
      setResult(res);
      setRuns((n) => n + 1);
      const path = res.path.map((p) => p.nodeId);
      store.getState().setSimulation({ path, visited: new Set(path) });
    } catch (err) {
      setError(err instanceof SyntaxError ? `Not valid JSON: ${err.message}` : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const clear = () => {
    setResult(null);
    store.getState().setSimulation(null);
  };

  const firstAt = result?.path[0]?.at;
  const start =
    typeof firstAt === "string"
      ? Date.parse(firstAt)
      : typeof firstAt === "number" && firstAt > 1e11
        ? firstAt
        : null;
  const nodeTitle = (id: string) => {
    const node = store.getState().graph.nodes.find((n) => n.id === id);
    return node?.name || (node ? (catalog.get(node.type)?.title ?? node.type) : id);
  };

  return (
    <div className="panel" data-testid="test-panel">
      <header className="panel__header">
        <span className="panel__icon jcat--trigger">
          <Icon name="play" />
        </span>
        <div className="grow">
          <h2>Test this journey</h2>
          <div className="panel__sub">A dry run: nothing is sent, no profile changes.</div>
        </div>
        <button
          type="button"
          className="btn btn--ghost btn--icon"
          aria-label="Close test panel"
          onClick={() => {
            clear();
            onClose();
          }}
        >
          <Icon name="close" />
        </button>
      </header>
      <div className="panel__body">
        <div className="tabs" role="tablist">
          <button
            type="button"
            role="tab"
            className="tab"
            aria-selected={mode === "existing"}
            onClick={() => setMode("existing")}
          >
            Existing profile
          </button>
          <button
            type="button"
            role="tab"
            className="tab"
            aria-selected={mode === "describe"}
            onClick={() => setMode("describe")}
          >
            Describe one
          </button>
        </div>
        {mode === "existing" ? (
          <div className="field">
            <label className="field__label" htmlFor="test-profile">
              Profile
            </label>
            <select
              id="test-profile"
              className="select"
              value={profileId}
              onChange={(e) => setProfileId(e.target.value)}
            >
              <option value="">Choose a profile…</option>
              {(preview?.profiles ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {String(p.attributes.email ?? p.attributes.firstName ?? p.id)} ({p.id})
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="field">
            <label className="field__label" htmlFor="test-attributes">
              Profile attributes (JSON)
            </label>
            <textarea
              id="test-attributes"
              className="textarea textarea--mono"
              rows={5}
              value={attributes}
              onChange={(e) => setAttributes(e.target.value)}
            />
          </div>
        )}
        <h3 className="panel__section">Events</h3>
        <p className="field__help">
          The first event enrols the profile; later ones happen after the given delay.
        </p>
        {events.map((row, i) => (
          <div className="test-event" key={i}>
            <div className="row">
              <input
                className="input input--sm grow"
                aria-label={`Event ${i + 1} name`}
                placeholder="event_name"
                value={row.event}
                onChange={(e) =>
                  setEvents(events.map((r, j) => (j === i ? { ...r, event: e.target.value } : r)))
                }
                list="test-events"
              />
              <button
                type="button"
                className="btn btn--ghost btn--sm"
                aria-label={`Remove event ${i + 1}`}
                onClick={() => setEvents(events.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </div>
            <div className="row">
              <span className="muted small">at</span>
              <input
                className="input input--sm input--num"
                type="number"
                min={0}
                aria-label={`Event ${i + 1} delay`}
                value={row.amount}
                onChange={(e) =>
                  setEvents(
                    events.map((r, j) => (j === i ? { ...r, amount: Number(e.target.value) } : r)),
                  )
                }
              />
              <select
                className="select select--sm"
                aria-label={`Event ${i + 1} delay unit`}
                value={row.unit}
                onChange={(e) =>
                  setEvents(
                    events.map((r, j) =>
                      j === i
                        ? { ...r, unit: DELAY_UNITS.find((u) => u === e.target.value) ?? "second" }
                        : r,
                    ),
                  )
                }
              >
                <option value="second">seconds</option>
                <option value="minute">minutes</option>
                <option value="hour">hours</option>
                <option value="day">days</option>
              </select>
              <span className="muted small">from the start</span>
            </div>
            <input
              className="input input--sm mono"
              aria-label={`Event ${i + 1} properties`}
              placeholder='{"url": "https://…"}'
              value={row.properties}
              onChange={(e) =>
                setEvents(
                  events.map((r, j) => (j === i ? { ...r, properties: e.target.value } : r)),
                )
              }
            />
          </div>
        ))}
        <datalist id="test-events">
          {(preview?.events ?? []).map((ev) => (
            <option key={ev} value={ev} />
          ))}
        </datalist>
        <div className="row">
          <button
            type="button"
            className="btn btn--sm"
            onClick={() =>
              setEvents([...events, { event: "", properties: "{}", amount: 1, unit: "hour" }])
            }
          >
            + Add event
          </button>
          <span className="grow" />
          {result ? (
            <button type="button" className="btn btn--sm btn--ghost" onClick={clear}>
              Clear
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn--primary btn--sm"
            onClick={run}
            disabled={busy || (mode === "existing" && !profileId)}
            data-testid="run-test"
          >
            {busy ? "Running…" : "Run test"}
          </button>
        </div>
        {error ? (
          <div className="alert alert--danger" role="alert" style={{ marginTop: 12 }}>
            {error}
          </div>
        ) : null}
        {result ? (
          <div className="test-result" data-testid="test-result">
            <h3 className="panel__section">Path</h3>
            <ol className="test-path">
              {result.path.map((step, i) => {
                const offset = offsetOf(step.at, start);
                return (
                  <li key={i}>
                    <span>{nodeTitle(step.nodeId)}</span>
                    <span className="muted small">
                      {offset === null ? "" : formatOffset(offset)}
                    </span>
                  </li>
                );
              })}
            </ol>
            <h3 className="panel__section">
              Messages <span className="badge badge--plain">{result.messages.length}</span>
            </h3>
            {result.messages.length === 0 ? (
              <p className="muted small">No message would be sent.</p>
            ) : null}
            {result.messages.map((m, i) => {
              const offset = offsetOf(m.sendAt, start);
              const body =
                typeof m.content.html === "string"
                  ? m.content.html
                  : typeof m.content.body === "string"
                    ? m.content.body
                    : null;
              return (
                <article className="sim-message" key={i} data-testid="sim-message">
                  <header>
                    <span className="badge badge--info badge--plain">{m.channel}</span>
                    {m.status && m.status !== "sent" ? (
                      <span className={`badge badge--plain badge--${m.status}`}>{m.status}</span>
                    ) : null}
                    <span className="grow sim-message__step">{nodeTitle(m.nodeId)}</span>
                    <span className="muted small sim-message__time" data-testid="sim-message-time">
                      {offset === null ? String(m.sendAt ?? "") : formatOffset(offset)}
                      {typeof m.sendAt === "string" ? ` · ${timeOfDay(m.sendAt)}` : ""}
                    </span>
                  </header>
                  {!wouldSend(m) ? (
                    <p className="sim-message__note">
                      Not sent: {NOT_SENT[m.reason ?? ""] ?? m.reason ?? "nothing was rendered"}.
                    </p>
                  ) : null}
                  {typeof m.content.subject === "string" ? (
                    <div className="sim-message__subject">{m.content.subject}</div>
                  ) : null}
                  {m.channel === "email" && body && /<[a-z][\s\S]*>/i.test(body) ? (
                    <iframe
                      className="sim-message__frame"
                      sandbox=""
                      srcDoc={body}
                      title={`Email from ${m.nodeId}`}
                    />
                  ) : !wouldSend(m) ? null : (
                    <pre className="sim-message__body">
                      {Object.entries(m.content)
                        .filter(([k]) => k !== "subject")
                        .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
                        .join("\n")}
                    </pre>
                  )}
                </article>
              );
            })}
            {result.outcome !== undefined ? (
              <p className="muted small">
                Outcome:{" "}
                {typeof result.outcome === "string"
                  ? result.outcome
                  : JSON.stringify(result.outcome)}
              </p>
            ) : null}
            {result.messages.some(wouldSend) ? (
              <SendTestsToMe
                key={runs}
                journeyId={journeyId}
                messages={result.messages.filter(wouldSend)}
                notRendered={result.messages.length - result.messages.filter(wouldSend).length}
              />
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
