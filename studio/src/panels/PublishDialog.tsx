import { useEffect, useState } from "react";
import { ApiError, errorMessage } from "../api/client.js";
import { journeysApi } from "../api/journeys.js";
import { Problem } from "@omnijourney/shared";
import { diffJourneys, isEmptyDiff, type JourneyDiff } from "../canvas/diff.js";
import { useEditorEnvironment } from "../canvas/hooks/EditorContext.js";
import { Icon } from "../components/Icon.js";
import { z } from "zod";

type Props = {
  journeyId: string;
  liveVersion: number | null;
  saveNow(): Promise<void>;
  onClose(): void;
  onPublished(version: number): void;
};

/** Publishing: a summary of what changed since the live version, then a frozen new version. */
export function PublishDialog({ journeyId, liveVersion, saveNow, onClose, onPublished }: Props) {
  const { store, catalog } = useEditorEnvironment();
  const [diff, setDiff] = useState<JourneyDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = store.getState().problems;

  useEffect(() => {
    let live = true;
    const draft = store.getState().graph;
    (liveVersion ? journeysApi.version(journeyId, liveVersion) : Promise.resolve(null)).then(
      (current) => {
        if (live) setDiff(diffJourneys(current?.document ?? null, draft));
      },
      () => live && setDiff(diffJourneys(null, draft)),
    );
    return () => {
      live = false;
    };
  }, [journeyId, liveVersion, store]);

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      await saveNow();
      const { version } = await journeysApi.publish(journeyId);
      onPublished(version);
    } catch (err) {
      if (err instanceof ApiError && err.code === "invalid_journey") {
        const parsed = z
          .looseObject({ problems: z.array(Problem).default([]) })
          .safeParse(err.details);
        if (parsed.success) store.getState().setProblems(parsed.data.problems);
        setError("The journey has problems. Fix them and publish again.");
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const title = (type: string) => catalog.get(type)?.title ?? type;
  return (
    <div className="backdrop" role="presentation" onClick={onClose}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="publish-title"
        onClick={(e) => e.stopPropagation()}
        data-testid="publish-dialog"
      >
        <header className="dialog__header">
          <h2 id="publish-title">
            {liveVersion ? `Publish version ${liveVersion + 1}` : "Publish this journey"}
          </h2>
          <button
            type="button"
            className="btn btn--ghost btn--icon"
            aria-label="Close"
            onClick={onClose}
          >
            <Icon name="close" />
          </button>
        </header>
        <div className="dialog__body stack">
          {problems.length ? (
            <div className="alert alert--danger" role="alert">
              {problems.length} problem{problems.length === 1 ? "" : "s"} must be fixed first. They
              are listed under the canvas.
            </div>
          ) : null}
          <p className="muted">
            {liveVersion
              ? `Customers already in version ${liveVersion} finish on it; new customers enter the new version.`
              : "Once published, customers who match the trigger start entering this journey."}
          </p>
          <h3>{liveVersion ? `Changes since version ${liveVersion}` : "What goes live"}</h3>
          {!diff ? (
            <p className="muted">Comparing with the live version…</p>
          ) : isEmptyDiff(diff) ? (
            <p className="muted">No changes since the live version.</p>
          ) : (
            <ul className="diff" data-testid="publish-summary">
              {diff.added.map((n) => (
                <li key={`a-${n.id}`} className="diff__added">
                  + {title(n.type)} <span className="mono muted">{n.id}</span>
                </li>
              ))}
              {diff.removed.map((n) => (
                <li key={`r-${n.id}`} className="diff__removed">
                  − {title(n.type)} <span className="mono muted">{n.id}</span>
                </li>
              ))}
              {diff.changed.map((n) => (
                <li key={`c-${n.id}`} className="diff__changed">
                  ~ {title(n.type)} <span className="mono muted">{n.id}</span>:{" "}
                  {n.fields.join(", ")}
                </li>
              ))}
              {diff.connectionsAdded || diff.connectionsRemoved ? (
                <li>
                  Connections: {diff.connectionsAdded} added, {diff.connectionsRemoved} removed
                </li>
              ) : null}
              {diff.settingsChanged.length ? (
                <li>Settings changed: {diff.settingsChanged.join(", ")}</li>
              ) : null}
              {diff.renamed ? <li>Renamed</li> : null}
            </ul>
          )}
          {error ? (
            <div className="alert alert--danger" role="alert">
              {error}
            </div>
          ) : null}
        </div>
        <footer className="dialog__footer">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn--primary"
            onClick={publish}
            disabled={busy || problems.length > 0}
            data-testid="confirm-publish"
          >
            {busy ? "Publishing…" : "Publish"}
          </button>
        </footer>
      </div>
    </div>
  );
}
