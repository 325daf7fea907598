import type { AuditEntry } from "@omnijourney/shared";
import { actionLabel, changeSummary } from "./auditLabels.js";
import { dateTime } from "./format.js";

/** Audit entries as a table: when, who, what, to what, and what changed. */
export function AuditTable({
  entries,
  showObject = true,
}: {
  entries: AuditEntry[];
  showObject?: boolean;
}) {
  if (!entries.length) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="audit-table">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>What</th>
            {showObject ? <th>On</th> : null}
            <th>Change</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="muted">{dateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td>{actionLabel(e.action)}</td>
              {showObject ? <td>{e.object.name ?? e.object.type}</td> : null}
              <td className="muted">
                {changeSummary(e.before, e.after)}
                {typeof e.details.note === "string" && e.details.note ? ` “${e.details.note}”` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
