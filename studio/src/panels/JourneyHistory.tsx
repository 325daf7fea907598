import { auditApi } from "../api/team.js";
import { useResource } from "../api/useResource.js";
import { actionLabel } from "../components/auditLabels.js";
import { dateTime } from "../components/format.js";

/** A journey's history from the audit log: who published, paused, asked for or gave approval, and when. */
export function JourneyHistory({ journeyId }: { journeyId: string }) {
  const entries = useResource(
    () => auditApi.list({ objectType: "journey", objectId: journeyId }),
    [journeyId],
    { pollMs: 15_000 },
  );
  return (
    <section
      aria-labelledby="journey-history"
      data-testid="journey-history"
      style={{ marginTop: 24 }}
    >
      <h3 id="journey-history">History</h3>
      {entries.error ? (
        <p className="muted">The history cannot be shown right now.</p>
      ) : !entries.data?.length ? (
        <p className="muted">
          {entries.loading ? "Loading…" : "Not published or changed by anyone yet."}
        </p>
      ) : (
        <ul className="stack small">
          {entries.data.slice(0, 20).map((e) => (
            <li key={e.id}>
              <b>{actionLabel(e.action)}</b> by {e.actor}
              <div className="muted">{dateTime(e.at)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
