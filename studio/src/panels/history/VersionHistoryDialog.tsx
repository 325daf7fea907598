import { useState } from "react";
import { Link } from "react-router";
import { journeysApi, type JourneyRecord } from "../../api/journeys.js";
import { errorMessage } from "../../api/client.js";
import { isEmptyDiff } from "../../canvas/diff.js";
import { Dialog } from "../../components/Dialog.js";
import { dateTime } from "../../components/format.js";
import { DiffSummary } from "../DiffSummary.js";
import { useVersionHistory, type VersionEntry } from "./useVersionHistory.js";

/** "the admin" for the admin token; a user's name or email otherwise. */
const who = (actor: string | null) =>
  actor === null ? null : actor === "admin" ? "the admin" : actor;

/**
 * Every published version: when, by whom and what it changed; open one read-only, or restore it as the draft
 * (after a confirmation, since the draft's unpublished changes are replaced).
 */
export function VersionHistoryDialog({
  journey,
  title,
  onRestored,
  onClose,
}: {
  journey: JourneyRecord;
  title(type: string): string;
  onRestored(journey: JourneyRecord, version: number): void;
  onClose(): void;
}) {
  const history = useVersionHistory(journey.id);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const restore = async (version: number) => {
    setError(null);
    try {
      onRestored(await journeysApi.restore(journey.id, version), version);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const row = (v: VersionEntry) => (
    <li key={v.version} className="history__item" data-testid={`version-${v.version}`}>
      <div className="history__head">
        <b>Version {v.version}</b>
        {journey.liveVersion === v.version ? <span className="badge badge--live">Live</span> : null}
        <span className="muted">
          published {dateTime(v.publishedAt)}
          {who(v.publishedBy) ? ` by ${who(v.publishedBy)}` : ""}
        </span>
      </div>
      {v.changes === null ? null : isEmptyDiff(v.changes) ? (
        <p className="muted">No changes to steps or settings.</p>
      ) : (
        <DiffSummary diff={v.changes} title={title} />
      )}
      <div className="history__actions">
        <Link className="btn btn--sm" to={`/journeys/${journey.id}?version=${v.version}`}>
          Open read-only
        </Link>
        {confirming === v.version ? (
          <>
            <span>Replace the draft with version {v.version}?</span>
            <button
              type="button"
              className="btn btn--sm btn--primary"
              onClick={() => void restore(v.version)}
            >
              Yes, restore
            </button>
            <button type="button" className="btn btn--sm" onClick={() => setConfirming(null)}>
              Keep the draft
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn btn--sm"
            disabled={journey.status === "archived"}
            onClick={() => setConfirming(v.version)}
          >
            Restore as draft
          </button>
        )}
      </div>
    </li>
  );

  return (
    <Dialog title="Version history" onClose={onClose} wide>
      {error ? (
        <p className="alert alert--danger" role="alert">
          {error}
        </p>
      ) : null}
      {history.kind === "loading" ? <p className="muted">Loading the versions…</p> : null}
      {history.kind === "failed" ? (
        <p className="alert alert--danger">The versions could not be loaded: {history.message}</p>
      ) : null}
      {history.kind === "ready" && history.entries.length === 0 ? (
        <p className="muted">Nothing published yet: versions appear here each time you publish.</p>
      ) : null}
      {history.kind === "ready" ? (
        <ol className="history" data-testid="version-history">
          {history.entries.map(row)}
        </ol>
      ) : null}
      {history.kind === "ready" && history.more ? (
        <p className="muted">
          {history.more} older {history.more === 1 ? "version is" : "versions are"} not shown.
        </p>
      ) : null}
    </Dialog>
  );
}
