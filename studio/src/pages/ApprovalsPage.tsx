import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { Approval } from "@omnijourney/shared";
import { JourneyDocument } from "../api/types.js";
import { errorMessage } from "../api/client.js";
import { journeysApi } from "../api/journeys.js";
import { approvalsApi } from "../api/team.js";
import { useResource } from "../api/useResource.js";
import { useCan } from "../auth/MeContext.js";
import { useCatalog } from "../catalog/useCatalog.js";
import { diffJourneys, isEmptyDiff, type JourneyDiff } from "../canvas/diff.js";
import { relativeTime } from "../components/format.js";
import { ErrorState, Loading } from "../components/States.js";
import { DiffSummary } from "../panels/DiffSummary.js";

/** `/approvals`: journeys waiting for a publisher, with what would change, and recent decisions. */
export function ApprovalsPage() {
  const pending = useResource(() => approvalsApi.list({ status: "pending" }), []);
  const recent = useResource(() => approvalsApi.list({}), []);
  const reload = () => {
    pending.reload();
    recent.reload();
  };
  return (
    <div className="page">
      <div className="page__header">
        <div className="grow">
          <h1>Approvals</h1>
          <p className="page__sub">
            Journeys an editor asked to publish. A publisher reviews the changes and decides.
          </p>
        </div>
      </div>
      {pending.loading && !pending.data ? (
        <Loading />
      ) : pending.error ? (
        <ErrorState error={pending.error} onRetry={pending.reload} />
      ) : !pending.data?.length ? (
        <p className="muted">Nothing is waiting for approval.</p>
      ) : (
        pending.data.map((a) => <Review key={a.id} approval={a} onDecided={reload} />)
      )}
      <h2>Recent decisions</h2>
      <ul className="stack">
        {(recent.data ?? [])
          .filter((a) => a.status !== "pending")
          .slice(0, 20)
          .map((a) => (
            <li key={a.id}>
              <b>{a.journeyName}</b>:{" "}
              {a.status === "approved"
                ? `approved by ${a.decidedBy ?? "—"}`
                : a.status === "rejected"
                  ? `rejected by ${a.decidedBy ?? "—"}`
                  : "withdrawn"}{" "}
              <span className="muted">{relativeTime(a.decidedAt)}</span>
              {a.decisionNote ? <span className="muted"> — “{a.decisionNote}”</span> : null}
            </li>
          ))}
      </ul>
    </div>
  );
}

/** The requested draft against the live version: the publish dialog's summary. */
function useRequestedDiff(approval: Approval): JourneyDiff | null {
  const [diff, setDiff] = useState<JourneyDiff | null>(null);
  useEffect(() => {
    let live = true;
    const requested = JourneyDocument.safeParse(approval.document);
    if (!requested.success) return;
    journeysApi
      .get(approval.journeyId)
      .then((j) => (j.liveVersion ? journeysApi.version(j.id, j.liveVersion) : null))
      .then(
        (v) => live && setDiff(diffJourneys(v?.document ?? null, requested.data)),
        () => live && setDiff(diffJourneys(null, requested.data)),
      );
    return () => {
      live = false;
    };
  }, [approval.id]);
  return diff;
}

function Review({ approval, onDecided }: { approval: Approval; onDecided(): void }) {
  const can = useCan("publisher");
  const { catalog } = useCatalog();
  const diff = useRequestedDiff(approval);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (run: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await run();
      onDecided();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const title = (type: string) => catalog?.get(type)?.title ?? type;
  return (
    <section
      className="card card__body stack"
      aria-label={`Request for ${approval.journeyName}`}
      data-testid={`approval-${approval.journeyId}`}
    >
      <h2>
        <Link to={`/journeys/${encodeURIComponent(approval.journeyId)}`}>
          {approval.journeyName}
        </Link>
      </h2>
      <p>
        {approval.requestedBy} asked {relativeTime(approval.requestedAt)}
        {approval.note ? <>: “{approval.note}”</> : null}
      </p>
      <h3>What goes live</h3>
      {!diff ? (
        <p className="muted">Comparing with the live version…</p>
      ) : isEmptyDiff(diff) ? (
        <p className="muted">No changes since the live version.</p>
      ) : (
        <DiffSummary diff={diff} title={title} testId="publish-summary" />
      )}
      <div className="field">
        <label className="field__label" htmlFor={`note-${approval.id}`}>
          Note for the editor
        </label>
        <textarea
          id={`note-${approval.id}`}
          className="input"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          disabled={!can.allowed}
        />
      </div>
      {error ? (
        <div className="alert alert--danger" role="alert">
          {error}
        </div>
      ) : null}
      {!can.allowed ? (
        <p className="muted" role="note">
          {can.why}
        </p>
      ) : null}
      <div className="row" style={{ gap: 8 }}>
        <button
          type="button"
          className="btn btn--primary"
          disabled={busy || !can.allowed}
          title={can.why || undefined}
          onClick={() => void decide(() => approvalsApi.approve(approval.id, note.trim()))}
        >
          Approve and publish
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy || !can.allowed || !note.trim()}
          title={can.why || (!note.trim() ? "Write a note saying why" : undefined)}
          onClick={() => void decide(() => approvalsApi.reject(approval.id, note.trim()))}
        >
          Reject
        </button>
      </div>
    </section>
  );
}
