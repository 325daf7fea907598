import { useState } from "react";
import { useSimulation } from "../api/useSimulation.js";
import { useEditorEnvironment } from "../canvas/hooks/EditorContext.js";
import { Icon } from "../components/Icon.js";
import { usePreview } from "./previewContext.js";
import { EventRows, UNIT_SECONDS, type EventRow } from "./test/EventRows.js";
import { SimulationResultView } from "./test/SimulationResultView.js";
import { StartTimeField, type StartTime } from "./test/StartTimeField.js";
import { isTimeZone, wallTimeToInstant } from "../components/zonedTime.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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
  const [start, setStart] = useState<StartTime>({ mode: "now" });
  const profileZone = (): unknown => {
    if (mode === "existing")
      return preview?.profiles.find((p) => p.id === profileId)?.attributes.timezone;
    try {
      const attrs: unknown = JSON.parse(attributes);
      return isRecord(attrs) ? attrs.timezone : null;
    } catch {
      return null;
    }
  };
  const zone = profileZone();
  const timeZone = isTimeZone(zone) ? zone : "UTC";
  const simulation = useSimulation(journeyId);
  const { result, error, busy } = simulation;

  const run = async () => {
    const res = await simulation.run(async () => {
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
      const startAt = start.mode === "at" ? wallTimeToInstant(start.local, timeZone) : null;
      await saveNow();
      return {
        ...(startAt ? { startAt: startAt.toISOString() } : {}),
        ...(mode === "existing" && profileId
          ? { profileId }
          : { profile: { attributes: isRecord(attrs) ? attrs : {} } }),
        events: parsedEvents,
      };
    });
    if (!res) return;
    const path = res.path.map((p) => p.nodeId);
    store.getState().setSimulation({ path, visited: new Set(path) });
  };

  const clear = () => {
    simulation.clear();
    store.getState().setSimulation(null);
  };

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
        <StartTimeField value={start} onChange={setStart} timeZone={timeZone} />
        <h3 className="panel__section">Events</h3>
        <p className="field__help">
          The first event enrols the profile; later ones happen after the given delay.
        </p>
        <EventRows events={events} onChange={setEvents} />
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
          <SimulationResultView
            journeyId={journeyId}
            result={result}
            runs={simulation.runs}
            nodeTitle={nodeTitle}
          />
        ) : null}
      </div>
    </div>
  );
}
