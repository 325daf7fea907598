import { useState } from "react";
import type { Channel } from "@omnijourney/shared";
import { snippetsApi, templatesApi } from "../../api/templates.js";
import { useResource } from "../../api/useResource.js";
import { useCan } from "../../auth/MeContext.js";
import { SaveDialog } from "../../components/SaveDialog.js";
import { contentOf, withSnippet, withTemplate } from "./messageLibrary.js";

/**
 * The workspace's library beside a message step: start from a template of the channel, insert a snippet into
 * the main text, or keep the step's message as a new template.
 */
export function MessageLibrary({
  channel,
  config,
  readOnly,
  onChange,
}: {
  channel: Channel;
  config: Record<string, unknown>;
  readOnly: boolean;
  onChange(config: Record<string, unknown>): void;
}) {
  const templates = useResource(() => templatesApi.list(channel), [channel]);
  const snippets = useResource(() => snippetsApi.list(), []);
  const canSave = useCan("editor");
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState("");
  if (readOnly) return null;
  const content = contentOf(channel, config);
  return (
    <section className="library" aria-label="Templates and snippets">
      <div className="field">
        <label className="field__label" htmlFor="start-from-template">
          Start from a template
        </label>
        <select
          id="start-from-template"
          className="select"
          value=""
          disabled={!templates.data?.length}
          onChange={(e) => {
            const chosen = templates.data?.find((t) => t.id === e.target.value);
            if (!chosen) return;
            onChange(withTemplate(channel, config, chosen.content));
            setNote(`Started from “${chosen.name}”.`);
          }}
        >
          <option value="">
            {templates.data?.length ? "Choose a template…" : "No templates for this channel yet"}
          </option>
          {templates.data?.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="insert-snippet">
          Insert snippet
        </label>
        <select
          id="insert-snippet"
          className="select"
          value=""
          disabled={!snippets.data?.length}
          onChange={(e) => {
            const chosen = snippets.data?.find((s) => s.id === e.target.value);
            if (!chosen) return;
            onChange(withSnippet(channel, config, chosen.name));
            setNote(`Inserted the “${chosen.name}” snippet at the end of the message.`);
          }}
        >
          <option value="">
            {snippets.data?.length ? "Choose a snippet…" : "No snippets yet"}
          </option>
          {snippets.data?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.description ? ` — ${s.description}` : ""}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="btn btn--sm"
        data-testid="save-as-template"
        disabled={!canSave.allowed || Object.keys(content).length === 0}
        title={canSave.why || undefined}
        onClick={() => setSaving(true)}
      >
        Save as template
      </button>
      <p className="muted library__note" role="status">
        {note}
      </p>
      {saving ? (
        <SaveTemplateDialog
          onClose={() => setSaving(false)}
          onSave={async (name) => {
            const saved = await templatesApi.create({ name, channel, content });
            setSaving(false);
            setNote(`Saved as the template “${saved.name}”.`);
            templates.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function SaveTemplateDialog({
  onClose,
  onSave,
}: {
  onClose(): void;
  onSave(name: string): Promise<void>;
}) {
  const [name, setName] = useState("");
  return (
    <SaveDialog
      title="Save as template"
      saveLabel="Save template"
      canSave={name.trim() !== ""}
      onSave={() => onSave(name.trim())}
      onClose={onClose}
    >
      <div className="field">
        <label className="field__label" htmlFor="template-name">
          Template name
        </label>
        <input
          id="template-name"
          className="input"
          value={name}
          autoFocus
          onChange={(e) => setName(e.target.value)}
        />
      </div>
    </SaveDialog>
  );
}
