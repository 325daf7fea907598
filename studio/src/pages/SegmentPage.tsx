import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { errorMessage } from "../api/client.js";
import type { Profile } from "../api/profiles.js";
import { segmentsApi } from "../api/segments.js";
import { useCan } from "../auth/MeContext.js";
import type { Cond } from "../components/condition/conditionValues.js";
import { ConditionBuilder } from "../components/ConditionBuilder.js";
import { useEventNames } from "../api/useEventNames.js";
import { ExportButton } from "../components/ExportButton.js";
import { ErrorState, Loading } from "../components/States.js";
import { number } from "../components/format.js";
import { displayName } from "./ProfilesPage.js";

/** `/segments/:id` (and `/segments/new`): the condition builder with a live count and sample. */
export function SegmentPage() {
  const { id = "new" } = useParams();
  const isNew = id === "new";
  const navigate = useNavigate();
  const canEdit = useCan("editor");
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [condition, setCondition] = useState<Cond | undefined>(undefined);
  const [loaded, setLoaded] = useState(isNew);
  const [loadError, setLoadError] = useState<unknown>(null);
  const trackedEvents = useEventNames();
  const [preview, setPreview] = useState<{ count: number; sample: Profile[] } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (isNew) return;
    segmentsApi.get(id).then((s) => {
      setName(s.name);
      setDescription(s.description);
      setCondition(s.condition);
      setLoaded(true);
    }, setLoadError);
  }, [id, isNew]);

  useEffect(() => {
    if (!loaded) return;
    let live = true;
    setPreviewing(true);
    const timer = setTimeout(() => {
      segmentsApi.preview(condition ?? { all: [] }).then(
        (p) => {
          if (!live) return;
          setPreview(p);
          setPreviewError(null);
          setPreviewing(false);
        },
        (err: unknown) => {
          if (!live) return;
          setPreviewError(errorMessage(err));
          setPreviewing(false);
        },
      );
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [condition, loaded]);

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const body = {
        name: name.trim() || "Untitled segment",
        description,
        condition: condition ?? { all: [] },
      };
      if (isNew) {
        const created = await segmentsApi.create(body);
        navigate(`/segments/${encodeURIComponent(created.id)}`, { replace: true });
      } else await segmentsApi.update(id, body);
      setSaved(true);
      setTimeout(() => setSaved(false), 1500);
    } catch (err) {
      setSaveError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!window.confirm("Delete this segment?")) return;
    try {
      await segmentsApi.remove(id);
      navigate("/segments");
    } catch (err) {
      setSaveError(errorMessage(err));
    }
  };

  if (loadError)
    return (
      <div className="page">
        <div className="card">
          <ErrorState
            error={loadError}
            notFound={{
              title: "Segment not found",
              message: "This segment does not exist. It may have been deleted.",
              back: { to: "/segments", label: "Back to segments" },
            }}
          />
        </div>
      </div>
    );
  if (!loaded)
    return (
      <div className="page">
        <Loading rows={6} />
      </div>
    );

  return (
    <div className="page">
      <div className="page__header">
        <div className="grow">
          <div className="crumbs">
            <Link to="/segments">Segments</Link> /
          </div>
          <h1>{isNew ? "New segment" : name || "Segment"}</h1>
        </div>
        {!isNew ? (
          <ExportButton
            path={`/api/segments/${encodeURIComponent(id)}/export.csv`}
            fileName={`${name || "segment"}.csv`}
            label="Export members as CSV"
            testId="export-segment"
          />
        ) : null}
        {!isNew ? (
          <button
            type="button"
            className="btn btn--danger"
            onClick={() => void remove()}
            disabled={!canEdit.allowed}
            title={canEdit.why || undefined}
          >
            Delete
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => void save()}
          disabled={saving || !canEdit.allowed}
          title={canEdit.why || undefined}
        >
          {saving ? "Saving…" : saved ? "Saved" : "Save segment"}
        </button>
      </div>
      {saveError ? (
        <div className="alert alert--danger" role="alert">
          {saveError}
        </div>
      ) : null}
      <div className="grid grid--segment">
        <section className="card card__body">
          <div className="grid grid--2">
            <div className="field">
              <label className="field__label" htmlFor="segment-name">
                Name
              </label>
              <input
                id="segment-name"
                className="input"
                value={name}
                placeholder="Frequent buyers in Germany"
                onChange={(e) => setName(e.target.value)}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="segment-description">
                Description
              </label>
              <input
                id="segment-description"
                className="input"
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
            </div>
          </div>
          <h2 className="section-title">Who is in this segment</h2>
          <ConditionBuilder value={condition} onChange={setCondition} events={trackedEvents} />
        </section>
        <aside className="card" aria-label="Live preview">
          <header className="card__header">
            <h2>Matching profiles</h2>
            {previewing ? <span className="spinner" role="img" aria-label="Counting" /> : null}
          </header>
          <div className="card__body">
            {previewError ? (
              <div className="alert alert--danger">{previewError}</div>
            ) : (
              <>
                <div className="stat__value" data-testid="segment-count">
                  {preview ? number(preview.count) : "…"}
                </div>
                <p className="muted small">profiles match right now</p>
                <ul className="sample">
                  {(preview?.sample ?? []).map((p) => (
                    <li key={p.id}>
                      <Link to={`/profiles/${encodeURIComponent(p.id)}`}>{displayName(p)}</Link>
                      <span className="muted small mono">{p.id}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </aside>
      </div>
    </div>
  );
}
