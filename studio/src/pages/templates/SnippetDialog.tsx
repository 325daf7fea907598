import { useState } from "react";
import type { Snippet } from "@omnijourney/shared";
import { snippetsApi, snippetTag } from "../../api/templates.js";
import { SaveDialog } from "../../components/SaveDialog.js";

/** Creates or edits a snippet: a name templates read it by, and its Liquid. */
export function SnippetDialog({
  snippet,
  onClose,
  onSaved,
}: {
  snippet: Snippet | null;
  onClose(): void;
  onSaved(): void;
}) {
  const [name, setName] = useState(snippet?.name ?? "");
  const [description, setDescription] = useState(snippet?.description ?? "");
  const [body, setBody] = useState(snippet?.body ?? "");
  const save = async () => {
    const input = {
      name: name.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      body,
    };
    if (snippet) await snippetsApi.update(snippet.id, input);
    else await snippetsApi.create(input);
    onSaved();
  };
  return (
    <SaveDialog
      title={snippet ? `Edit the “${snippet.name}” snippet` : "New snippet"}
      saveLabel="Save snippet"
      canSave={name.trim() !== ""}
      onSave={save}
      onClose={onClose}
      wide
    >
      <div className="field">
        <label className="field__label" htmlFor="snippet-name">
          Name
        </label>
        <input
          id="snippet-name"
          className="input mono"
          value={name}
          aria-describedby="snippet-name-help"
          onChange={(e) => setName(e.target.value)}
        />
        <span className="field__help" id="snippet-name-help">
          Letters, digits and underscores. Messages use it as{" "}
          <code>{snippetTag(name.trim() || "name")}</code>.
        </span>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="snippet-description">
          Description <span className="field__optional"> · optional</span>
        </label>
        <input
          id="snippet-description"
          className="input"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="snippet-body">
          Content
        </label>
        <textarea
          id="snippet-body"
          className="textarea textarea--mono"
          rows={8}
          value={body}
          aria-describedby="snippet-body-help"
          onChange={(e) => setBody(e.target.value)}
        />
        <span className="field__help" id="snippet-body-help">
          Text or HTML with Liquid: it sees the same profile and event as the message.
        </span>
      </div>
    </SaveDialog>
  );
}
