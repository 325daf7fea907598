import { useState } from "react";
import { errorMessage } from "../api/client.js";
import { approvalsApi } from "../api/team.js";
import { usePublish } from "../api/usePublish.js";
import { useSegmentAudience, type SegmentAudience } from "../api/useSegmentAudience.js";
import { isEmptyDiff } from "../canvas/diff.js";
import { prePublishWarnings } from "../canvas/prePublishWarnings.js";
import { useEditorEnvironment } from "../canvas/hooks/EditorContext.js";
import { Icon } from "../components/Icon.js";
import { number } from "../components/format.js";
import { DiffSummary } from "./DiffSummary.js";

/** The sentence about who a segment trigger will reach, or null without one. */
function audienceSentence(audience: SegmentAudience): string | null {
  switch (audience.kind) {
    case "none":
      return null;
    case "loading":
      return "Counting the segment…";
    case "unknown":
      return "The segment's size could not be counted right now.";
    case "counted": {
      const people = `${number(audience.count)} ${audience.count === 1 ? "person is" : "people are"}`;
      return audience.enrolExisting
        ? `About ${people} in “${audience.segmentName}” now; they all enter when you publish, and anyone who joins later.`
        : `About ${people} in “${audience.segmentName}” now; only people who join it from now on will enter.`;
    }
  }
}

type Props = {
  journeyId: string;
  liveVersion: number | null;
  saveNow(): Promise<void>;
  onClose(): void;
  onPublished(version: number): void;
  /** "request": an editor with approvals on sends the draft to the publishers with a note instead. */
  mode?: "publish" | "request";
  onRequested?(): void;
};

/** Publishing: a summary of what changed since the live version, then a frozen new version. */
export function PublishDialog({
  journeyId,
  liveVersion,
  saveNow,
  onClose,
  onPublished,
  mode = "publish",
  onRequested,
}: Props) {
  const [note, setNote] = useState("");
  const { store, catalog } = useEditorEnvironment();
  const { diff, publish: publishNow } = usePublish(
    journeyId,
    liveVersion,
    () => store.getState().graph,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = store.getState().problems;
  const audience = audienceSentence(useSegmentAudience(() => store.getState().graph));

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      await saveNow();
      if (mode === "request") {
        await approvalsApi.request(journeyId, note.trim());
        return onRequested?.();
      }
      const outcome = await publishNow();
      if (outcome.ok) return onPublished(outcome.version);
      if (outcome.problems) store.getState().setProblems(outcome.problems);
      setError(outcome.message);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const title = (type: string) => catalog.get(type)?.title ?? type;
  const warnings = prePublishWarnings(store.getState().graph, (nodeId) => {
    const node = store.getState().graph.nodes.find((n) => n.id === nodeId);
    return node?.name?.trim() || (node ? title(node.type) : "step");
  });
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
          {warnings.length && !problems.length ? (
            <div className="alert alert--warning" data-testid="publish-warnings">
              <b>Worth a look before publishing</b> (you can publish anyway):
              <ul>
                {warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="muted">
            {liveVersion
              ? `Customers already in version ${liveVersion} finish on it; new customers enter the new version.`
              : "Once published, customers who match the trigger start entering this journey."}
          </p>
          {audience ? (
            <p className="alert" data-testid="publish-audience">
              <b>Estimated audience.</b> {audience}
            </p>
          ) : null}
          <h3>{liveVersion ? `Changes since version ${liveVersion}` : "What goes live"}</h3>
          {!diff ? (
            <p className="muted">Comparing with the live version…</p>
          ) : isEmptyDiff(diff) ? (
            <p className="muted">No changes since the live version.</p>
          ) : (
            <DiffSummary diff={diff} title={title} testId="publish-summary" />
          )}
          {mode === "request" ? (
            <div className="field">
              <label className="field__label" htmlFor="approval-note">
                Note for the publisher
              </label>
              <textarea
                id="approval-note"
                className="input"
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder="What changed and when it should go live"
              />
            </div>
          ) : null}
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
            {mode === "request"
              ? busy
                ? "Sending…"
                : "Send for approval"
              : busy
                ? "Publishing…"
                : "Publish"}
          </button>
        </footer>
      </div>
    </div>
  );
}
