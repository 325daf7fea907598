import { useEffect, useState } from "react";
import { errorMessage } from "../api/client.js";
import { settingsApi } from "../api/misc.js";
import { humanise } from "../panels/form/jsonSchema.js";
import { ErrorState, Loading } from "../components/States.js";
import { settingPicker } from "./settings/SettingPicker.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const SECRET = /secret|token|key|password|auth/i;

/** Shown, never saved: the API refuses them in a PUT (the keys are masked, the URL is configuration). */
const READ_ONLY = new Set(["apiKeys", "publicUrl"]);

/** What an empty section means for the marketer, and where it is filled in. */
const EMPTY_SECTIONS: Record<string, string> = {
  providers:
    "No provider is configured: email goes through the workspace's SMTP server and every other channel uses the sandbox, which records messages without sending them. Providers are set up by your engineers in the server's environment (see Deploying in the docs).",
  secrets:
    "No secrets are stored. Plugins that need one get it from here once an engineer adds it.",
  channelCosts: "No channel costs are set: messages count as free.",
};

/** Edits a settings object in place: strings, numbers and booleans as inputs, objects as nested groups. */
function SettingsFields({
  value,
  path,
  onChange,
}: {
  value: Record<string, unknown>;
  path: string;
  onChange(next: Record<string, unknown>): void;
}) {
  return (
    <div className="settings-fields">
      {Object.entries(value).map(([key, v]) => {
        const id = `setting-${path}${key}`.replace(/[^a-zA-Z0-9_-]/g, "-");
        const set = (next: unknown) => onChange({ ...value, [key]: next });
        if (isRecord(v)) {
          return (
            <fieldset key={key} className="fieldset">
              <legend className="field__label">{humanise(key)}</legend>
              <SettingsFields value={v} path={`${path}${key}.`} onChange={set} />
            </fieldset>
          );
        }
        if (typeof v === "boolean") {
          return (
            <div key={key} className="field field--check">
              <input id={id} type="checkbox" checked={v} onChange={(e) => set(e.target.checked)} />
              <label htmlFor={id} className="field__label">
                {humanise(key)}
              </label>
            </div>
          );
        }
        if (typeof v === "number") {
          return (
            <div key={key} className="field">
              <label htmlFor={id} className="field__label">
                {humanise(key)}
              </label>
              <input
                id={id}
                className="input"
                type="number"
                step="any"
                value={v}
                onChange={(e) => set(Number(e.target.value))}
              />
            </div>
          );
        }
        if (typeof v === "string" || v === null) {
          const picker = settingPicker(path, key, v ?? "", id, set);
          return (
            <div key={key} className="field">
              <label htmlFor={id} className="field__label">
                {humanise(key)}
              </label>
              {picker ?? (
                <input
                  id={id}
                  className="input"
                  type={SECRET.test(key) ? "password" : "text"}
                  autoComplete="off"
                  value={v ?? ""}
                  onChange={(e) => set(e.target.value)}
                />
              )}
            </div>
          );
        }
        return (
          <div key={key} className="field">
            <label htmlFor={id} className="field__label">
              {humanise(key)}
            </label>
            <textarea
              id={id}
              className="textarea textarea--mono"
              defaultValue={JSON.stringify(v, null, 2)}
              onBlur={(e) => {
                try {
                  set(JSON.parse(e.target.value));
                } catch {
                  // Keep the previous value until the JSON parses.
                }
              }}
            />
          </div>
        );
      })}
    </div>
  );
}

/** `/settings`: channels and providers, quiet hours, frequency caps, channel costs, API keys. */
export function SettingsPage() {
  const [settings, setSettings] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    setError(null);
    settingsApi.get().then(setSettings, setError);
  }, [nonce]);

  const save = async () => {
    if (!settings) return;
    setSaving(true);
    setMessage(null);
    try {
      const editable = Object.fromEntries(
        Object.entries(settings).filter(([key]) => !READ_ONLY.has(key)),
      );
      setSettings(await settingsApi.save(editable));
      setMessage({ text: "Settings saved", ok: true });
    } catch (err) {
      setMessage({ text: errorMessage(err), ok: false });
    } finally {
      setSaving(false);
    }
  };

  const sections = settings ? Object.entries(settings).filter(([, v]) => isRecord(v)) : [];
  const loose = settings
    ? Object.fromEntries(Object.entries(settings).filter(([, v]) => !isRecord(v)))
    : {};

  return (
    <div className="page">
      <div className="page__header">
        <div className="grow">
          <h1>Settings</h1>
          <p className="page__sub">Workspace-wide rules every journey follows.</p>
        </div>
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => void save()}
          disabled={!settings || saving}
        >
          {saving ? "Saving…" : "Save settings"}
        </button>
      </div>
      {message ? (
        <div className={message.ok ? "alert" : "alert alert--danger"} role="status">
          {message.text}
        </div>
      ) : null}
      {error ? (
        <div className="card">
          <ErrorState error={error} onRetry={() => setNonce((n) => n + 1)} />
        </div>
      ) : !settings ? (
        <div className="card card__body">
          <Loading rows={8} />
        </div>
      ) : (
        <div className="grid grid--2 settings">
          {Object.keys(loose).length ? (
            <section className="card">
              <header className="card__header">
                <h2>General</h2>
              </header>
              <div className="card__body">
                <SettingsFields
                  value={loose}
                  path=""
                  onChange={(next) => setSettings({ ...settings, ...next })}
                />
              </div>
            </section>
          ) : null}
          {sections.map(([key, value]) => (
            <section key={key} className="card">
              <header className="card__header">
                <h2>{humanise(key)}</h2>
              </header>
              <div className="card__body">
                {isRecord(value) && Object.keys(value).length === 0 ? (
                  <p className="muted" data-testid={`settings-${key}-empty`}>
                    {EMPTY_SECTIONS[key] ?? "Nothing to set here yet."}
                  </p>
                ) : (
                  <SettingsFields
                    value={isRecord(value) ? value : {}}
                    path={`${key}.`}
                    onChange={(next) => setSettings({ ...settings, [key]: next })}
                  />
                )}
              </div>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
