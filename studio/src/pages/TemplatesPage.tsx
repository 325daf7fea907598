import { useState, type ReactNode } from "react";
import type { MessageTemplate, Snippet } from "@omnijourney/shared";
import { snippetsApi, snippetTag, templatesApi } from "../api/templates.js";
import { useResource, type Resource } from "../api/useResource.js";
import { useCan } from "../auth/MeContext.js";
import { channelLabel, relativeTime } from "../components/format.js";
import { Icon } from "../components/Icon.js";
import { EmptyState, ErrorState, Loading } from "../components/States.js";
import { SnippetDialog } from "./templates/SnippetDialog.js";
import { TemplateDialog } from "./templates/TemplateDialog.js";

/** What is open: a template or snippet to edit, or a new one (null). */
type Editing =
  { kind: "template"; item: MessageTemplate | null } | { kind: "snippet"; item: Snippet | null };

/** `/templates`: the workspace's reusable messages and snippets. */
export function TemplatesPage() {
  const templates = useResource(() => templatesApi.list(), []);
  const snippets = useResource(() => snippetsApi.list(), []);
  const canEdit = useCan("editor");
  const [editing, setEditing] = useState<Editing | null>(null);
  const saved = () => {
    setEditing(null);
    templates.reload();
    snippets.reload();
  };
  const newButton = (label: string, open: Editing) => (
    <button
      type="button"
      className="btn btn--sm"
      disabled={!canEdit.allowed}
      title={canEdit.why || undefined}
      onClick={() => setEditing(open)}
    >
      <Icon name="plus" /> {label}
    </button>
  );
  return (
    <div className="page">
      <div className="page__header">
        <div className="grow">
          <h1>Templates</h1>
          <p className="page__sub">
            Messages to start a step from, and snippets every message can include.
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby="templates-heading">
        <div className="card__header">
          <h2 id="templates-heading">Message templates</h2>
          {newButton("New template", { kind: "template", item: null })}
        </div>
        <Listing
          resource={templates}
          empty="Save a message step as a template, or create one here."
          columns={["Name", "Channel", "Updated"]}
          row={(t) => [t.name, channelLabel(t.channel), relativeTime(t.updatedAt)]}
          canEdit={canEdit.allowed}
          onEdit={(t) => setEditing({ kind: "template", item: t })}
          onDelete={async (t) => {
            await templatesApi.remove(t.id);
            templates.reload();
          }}
        />
      </section>
      <section className="card" aria-labelledby="snippets-heading">
        <div className="card__header">
          <h2 id="snippets-heading">Snippets</h2>
          {newButton("New snippet", { kind: "snippet", item: null })}
        </div>
        <Listing
          resource={snippets}
          empty="A snippet is a footer, a legal note or a signature that many messages share."
          columns={["Name", "Use it as", "Updated"]}
          row={(s) => [
            s.description ? `${s.name} — ${s.description}` : s.name,
            <code key="tag">{snippetTag(s.name)}</code>,
            relativeTime(s.updatedAt),
          ]}
          canEdit={canEdit.allowed}
          onEdit={(s) => setEditing({ kind: "snippet", item: s })}
          onDelete={async (s) => {
            await snippetsApi.remove(s.id);
            snippets.reload();
          }}
        />
      </section>
      {editing?.kind === "template" ? (
        <TemplateDialog template={editing.item} onClose={() => setEditing(null)} onSaved={saved} />
      ) : null}
      {editing?.kind === "snippet" ? (
        <SnippetDialog snippet={editing.item} onClose={() => setEditing(null)} onSaved={saved} />
      ) : null}
    </div>
  );
}

/** A table of templates or snippets with edit and delete buttons per row. */
function Listing<T extends { id: string; name: string }>({
  resource,
  empty,
  columns,
  row,
  canEdit,
  onEdit,
  onDelete,
}: {
  resource: Resource<T[]>;
  empty: string;
  columns: string[];
  row(item: T): ReactNode[];
  canEdit: boolean;
  onEdit(item: T): void;
  onDelete(item: T): Promise<void>;
}) {
  if (resource.loading && !resource.data) return <Loading rows={2} />;
  if (resource.error) return <ErrorState error={resource.error} onRetry={resource.reload} />;
  if (!resource.data?.length)
    return (
      <EmptyState icon="messages" title="Nothing here yet">
        {empty}
      </EmptyState>
    );
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {resource.data.map((item) => (
            <tr key={item.id}>
              {row(item).map((cell, i) => (
                <td key={i} className={i === 0 ? "cell-title" : "muted"}>
                  {cell}
                </td>
              ))}
              <td className="num">
                <button
                  type="button"
                  className="btn btn--sm btn--ghost"
                  disabled={!canEdit}
                  onClick={() => onEdit(item)}
                >
                  Edit<span className="sr-only"> {item.name}</span>
                </button>
                <button
                  type="button"
                  className="btn btn--sm btn--ghost"
                  disabled={!canEdit}
                  onClick={() => {
                    if (window.confirm(`Delete “${item.name}”?`)) void onDelete(item);
                  }}
                >
                  Delete<span className="sr-only"> {item.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
