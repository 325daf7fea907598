import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../api/client.js";
import { journeysApi, type JourneyRecord } from "../api/journeys.js";
import { useResource } from "../api/useResource.js";
import { useCan } from "../auth/MeContext.js";
import { Dialog } from "../components/Dialog.js";
import { countOf, number, percent, relativeTime } from "../components/format.js";
import { Icon } from "../components/Icon.js";
import { EmptyState, ErrorState, Loading, StatusBadge } from "../components/States.js";
import { journeyTemplates } from "../templates/index.js";

const STATUS_ORDER: Record<string, number> = { live: 0, paused: 1, draft: 2, archived: 3 };

/** `/`: every journey with its status and numbers; create, duplicate, archive, search. */
export function JourneysPage() {
  const navigate = useNavigate();
  // Drafting needs an editor, archiving a publisher (the API refuses the rest; this says why first).
  const canEdit = useCan("editor");
  const canArchive = useCan("publisher");
  // One request: the list carries each journey's enrolled, active and converted counts.
  const journeys = useResource(() => journeysApi.list(), [], { pollMs: 10000 });
  const [search, setSearch] = useState("");
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const visible = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (journeys.data ?? [])
      .filter((j) => (showArchived ? true : j.status !== "archived"))
      .filter((j) => !q || j.name.toLowerCase().includes(q) || j.id.toLowerCase().includes(q))
      .sort(
        (a, b) =>
          (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) ||
          a.name.localeCompare(b.name),
      );
  }, [journeys.data, search, showArchived]);

  const create = async (templateId: string) => {
    const template = journeyTemplates.find((t) => t.id === templateId);
    if (!template) return;
    setBusy(templateId);
    setError(null);
    try {
      const created = await journeysApi.create(structuredClone(template.document));
      navigate(`/journeys/${created.id}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const duplicate = async (journey: JourneyRecord) => {
    setError(null);
    try {
      const full = await journeysApi.get(journey.id);
      await journeysApi.create({ ...full.document, name: `${journey.name} (copy)` });
      journeys.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const archive = async (journey: JourneyRecord) => {
    if (!window.confirm(`Archive “${journey.name}”? Customers still in it leave the journey.`))
      return;
    setError(null);
    try {
      await journeysApi.action(journey.id, "archive");
      journeys.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="page">
      <div className="page__header">
        <div className="grow">
          <h1>Journeys</h1>
          <p className="page__sub">Draw, test and publish the paths your customers take.</p>
        </div>
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => setCreating(true)}
          disabled={!canEdit.allowed}
          title={canEdit.why || undefined}
          data-testid="new-journey"
        >
          <Icon name="plus" /> New journey
        </button>
      </div>
      <div className="toolbar-row">
        <div className="search">
          <Icon name="search" />
          <label className="sr-only" htmlFor="journey-search">
            Search journeys
          </label>
          <input
            id="journey-search"
            className="input"
            placeholder="Search journeys"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
          />{" "}
          Show archived
        </label>
      </div>
      {error ? (
        <div className="alert alert--danger" role="alert">
          {error}
        </div>
      ) : null}
      {journeys.loading ? (
        <div className="card card__body">
          <Loading />
        </div>
      ) : journeys.error ? (
        <div className="card">
          <ErrorState error={journeys.error} onRetry={journeys.reload} />
        </div>
      ) : visible.length === 0 ? (
        <div className="card">
          {search ? (
            <EmptyState icon="search" title="No journey matches">
              Nothing is called “{search}”.
            </EmptyState>
          ) : (
            <EmptyState
              icon="journeys"
              title="No journeys yet"
              action={
                <button
                  type="button"
                  className="btn btn--primary"
                  onClick={() => setCreating(true)}
                >
                  Create your first journey
                </button>
              }
            >
              A journey starts with a trigger and sends the right message on the right channel.
            </EmptyState>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="journeys-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Status</th>
                <th className="num">Version</th>
                <th className="num">Enrolled</th>
                <th className="num">Active</th>
                <th className="num">Converted</th>
                <th>Updated</th>
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((j) => (
                <tr key={j.id}>
                  <td>
                    <Link className="cell-title" to={`/journeys/${j.id}`}>
                      {j.name}
                    </Link>
                    <div className="muted small">
                      {j.document.nodes.length ? countOf(j.document.nodes.length, "step") : j.id}
                    </div>
                  </td>
                  <td>
                    <StatusBadge status={j.status} />
                  </td>
                  <td className="num">{j.liveVersion ? `v${j.liveVersion}` : "—"}</td>
                  <td className="num">{number(j.counts.enrolled)}</td>
                  <td className="num">{number(j.counts.active)}</td>
                  <td className="num">
                    {number(j.counts.converted)}
                    {j.counts.enrolled ? (
                      <div className="muted small">
                        {percent(j.counts.converted, j.counts.enrolled)}
                      </div>
                    ) : null}
                  </td>
                  <td className="muted nowrap">{relativeTime(j.updatedAt)}</td>
                  <td>
                    <div className="cell-actions">
                      <button
                        type="button"
                        className="btn btn--ghost btn--icon btn--sm"
                        onClick={() => void duplicate(j)}
                        disabled={!canEdit.allowed}
                        aria-label={`Duplicate ${j.name}`}
                        title={canEdit.why || "Duplicate"}
                      >
                        <Icon name="copy" />
                      </button>
                      {j.status !== "archived" ? (
                        <button
                          type="button"
                          className="btn btn--ghost btn--icon btn--sm"
                          onClick={() => void archive(j)}
                          disabled={!canArchive.allowed}
                          aria-label={`Archive ${j.name}`}
                          title={canArchive.why || "Archive"}
                        >
                          <Icon name="archive" />
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating ? (
        <Dialog title="New journey" onClose={() => setCreating(false)} wide>
          <div className="templates">
            {journeyTemplates.map((t) => (
              <button
                key={t.id}
                type="button"
                className="template"
                onClick={() => void create(t.id)}
                disabled={busy !== null}
                data-testid={`template-${t.id}`}
              >
                <span className="template__icon">
                  <Icon name={t.id === "blank" ? "plus" : "journeys"} />
                </span>
                <span className="template__title">{busy === t.id ? "Creating…" : t.title}</span>
                <span className="template__desc">{t.description}</span>
                {t.document.nodes.length ? (
                  <span className="template__meta">{countOf(t.document.nodes.length, "step")}</span>
                ) : null}
              </button>
            ))}
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
