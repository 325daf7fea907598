import { useEffect, useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { journeysApi, type JourneyRecord } from "../api/journeys.js";
import { useCatalog } from "../catalog/useCatalog.js";
import { Editor } from "../canvas/Editor.js";
import { createEditorStore } from "../canvas/store/editorStore.js";
import { EmptyState, ErrorState, Loading } from "../components/States.js";

/** `/journeys/:id` (the draft) and `/journeys/:id?version=N` (a published version, read-only). */
export function EditorPage() {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const versionParam = params.get("version");
  const version = versionParam !== null && /^\d+$/.test(versionParam) ? Number(versionParam) : null;
  const { catalog } = useCatalog();
  const store = useMemo(() => createEditorStore(), [id, version]);
  const [journey, setJourney] = useState<JourneyRecord | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missingVersion, setMissingVersion] = useState(false);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let live = true;
    setJourney(null);
    setError(null);
    setMissingVersion(false);
    (async () => {
      const record = await journeysApi.get(id);
      if (version !== null) {
        const match = await journeysApi.version(id, version).catch(() => null);
        if (!match?.document) {
          if (live) setMissingVersion(true);
          return;
        }
        store.getState().load(match.document, { readOnly: true });
      } else {
        store.getState().load(record.document, { readOnly: record.status === "archived" });
      }
      if (live) setJourney(record);
    })().catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [id, version, store, nonce]);

  if (error) {
    return (
      <div className="page">
        <ErrorState
          error={error}
          onRetry={() => setNonce((n) => n + 1)}
          notFound={{
            title: "Journey not found",
            message: "This journey does not exist. It may have been deleted.",
            back: { to: "/", label: "Back to journeys" },
          }}
        />
      </div>
    );
  }
  if (missingVersion) {
    return (
      <div className="page">
        <EmptyState
          icon="journeys"
          title={`Version ${version} does not exist`}
          action={<Link to={`/journeys/${id}`}>Open the draft</Link>}
        />
      </div>
    );
  }
  if (!journey || !catalog) {
    return (
      <div className="page">
        <Loading label="Opening the journey…" rows={6} />
      </div>
    );
  }
  return (
    <Editor
      key={`${id}:${version ?? "draft"}`}
      journey={journey}
      store={store}
      catalog={catalog}
      viewingVersion={version}
      onJourneyChange={setJourney}
    />
  );
}
