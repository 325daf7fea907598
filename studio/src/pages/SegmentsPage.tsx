import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { segmentsApi } from "../api/segments.js";
import { useResource } from "../api/useResource.js";
import { useCan } from "../auth/MeContext.js";
import { number, relativeTime } from "../components/format.js";
import { Icon } from "../components/Icon.js";
import { EmptyState, ErrorState, Loading } from "../components/States.js";

/** `/segments`: saved audiences with their size. */
export function SegmentsPage() {
  const navigate = useNavigate();
  const canEdit = useCan("editor");
  const segments = useResource(() => segmentsApi.list(), []);
  const [counts, setCounts] = useState<Record<string, number>>({});
  useEffect(() => {
    let live = true;
    // Sizes come from the preview endpoint, one segment at a time so the database is not flooded.
    (async () => {
      for (const s of segments.data ?? []) {
        if (s.count !== null) continue;
        const preview = await segmentsApi.preview(s.condition).catch(() => null);
        if (!live) return;
        if (preview) setCounts((c) => ({ ...c, [s.id]: preview.count }));
      }
    })();
    return () => {
      live = false;
    };
  }, [segments.data]);
  return (
    <div className="page">
      <div className="page__header">
        <div className="grow">
          <h1>Segments</h1>
          <p className="page__sub">
            Audiences by attributes, purchase history, frequency and interests.
          </p>
        </div>
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => navigate("/segments/new")}
          disabled={!canEdit.allowed}
          title={canEdit.why || undefined}
        >
          <Icon name="plus" /> New segment
        </button>
      </div>
      {segments.loading ? (
        <div className="card card__body">
          <Loading />
        </div>
      ) : segments.error ? (
        <div className="card">
          <ErrorState error={segments.error} onRetry={segments.reload} />
        </div>
      ) : !segments.data?.length ? (
        <div className="card">
          <EmptyState
            icon="segments"
            title="No segments yet"
            action={
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => navigate("/segments/new")}
                disabled={!canEdit.allowed}
                title={canEdit.why || undefined}
              >
                Create a segment
              </button>
            }
          >
            Segments group customers by who they are and what they did.
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Description</th>
                <th className="num">Profiles</th>
                <th>Updated</th>
              </tr>
            </thead>
            <tbody>
              {segments.data.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link className="cell-title" to={`/segments/${encodeURIComponent(s.id)}`}>
                      {s.name}
                    </Link>
                  </td>
                  <td className="muted">{s.description || "—"}</td>
                  <td className="num">
                    {s.count !== null ? (
                      number(s.count)
                    ) : s.id in counts ? (
                      number(counts[s.id])
                    ) : (
                      <span className="spinner spinner--inline" role="img" aria-label="Counting" />
                    )}
                  </td>
                  <td className="muted">{relativeTime(s.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
