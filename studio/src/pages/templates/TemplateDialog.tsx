import { useState } from "react";
import { Channel, CONTENT_FIELDS, type MessageTemplate } from "@omnijourney/shared";
import { templatesApi } from "../../api/templates.js";
import { channelLabel } from "../../components/format.js";
import { SaveDialog } from "../../components/SaveDialog.js";
import { humanise } from "../../panels/form/jsonSchema.js";

/** Fields a person writes over several lines. */
const MULTILINE = new Set(["body", "text"]);

/** Creates a template (any channel) or edits one: its name, description and each template field. */
export function TemplateDialog({
  template,
  onClose,
  onSaved,
}: {
  template: MessageTemplate | null;
  onClose(): void;
  onSaved(): void;
}) {
  const [name, setName] = useState(template?.name ?? "");
  const [description, setDescription] = useState(template?.description ?? "");
  const [channel, setChannel] = useState<Channel>(template?.channel ?? "email");
  const [content, setContent] = useState<Record<string, string>>(template?.content ?? {});
  const save = async () => {
    const kept: Record<string, string> = {};
    for (const field of CONTENT_FIELDS[channel]) {
      const value = content[field];
      if (value) kept[field] = value;
    }
    const input = {
      name: name.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      channel,
      content: kept,
    };
    if (template) await templatesApi.update(template.id, input);
    else await templatesApi.create(input);
    onSaved();
  };
  return (
    <SaveDialog
      title={template ? `Edit “${template.name}”` : "New template"}
      saveLabel="Save template"
      canSave={name.trim() !== ""}
      onSave={save}
      onClose={onClose}
      wide
    >
      <div className="field">
        <label className="field__label" htmlFor="template-name">
          Name
        </label>
        <input
          id="template-name"
          className="input"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="template-description">
          Description <span className="field__optional"> · optional</span>
        </label>
        <input
          id="template-description"
          className="input"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="template-channel">
          Channel
        </label>
        <select
          id="template-channel"
          className="select"
          value={channel}
          disabled={template !== null}
          onChange={(e) => setChannel(Channel.parse(e.target.value))}
        >
          {Channel.options
            .filter((c) => c !== "webhook")
            .map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
        </select>
      </div>
      {CONTENT_FIELDS[channel].map((field) => {
        const id = `template-field-${field}`;
        const value = content[field] ?? "";
        const change = (next: string) => setContent((c) => ({ ...c, [field]: next }));
        return (
          <div className="field" key={`${channel}:${field}`}>
            <label className="field__label" htmlFor={id}>
              {humanise(field)}
            </label>
            {MULTILINE.has(field) ? (
              <textarea
                id={id}
                className="textarea textarea--mono"
                rows={8}
                value={value}
                onChange={(e) => change(e.target.value)}
              />
            ) : (
              <input
                id={id}
                className="input"
                value={value}
                onChange={(e) => change(e.target.value)}
              />
            )}
          </div>
        );
      })}
    </SaveDialog>
  );
}
