import { journeysApi } from "../api/journeys.js";
import { useResource } from "../api/useResource.js";

const STATUS: Record<string, string> = {
  better: "Better",
  worse: "Worse",
  not_significant: "No clear difference",
  insufficient_data: "Too early to tell",
};

/** Per-variant conversion of an A/B node while the journey runs (polled), against the control. */
export function ExperimentResults({ journeyId, nodeId }: { journeyId: string; nodeId: string }) {
  const res = useResource(() => journeysApi.experiment(journeyId, nodeId), [journeyId, nodeId], {
    pollMs: 5000,
  });
  if (res.loading) return <p className="muted small">Loading experiment results…</p>;
  if (res.error || !res.data) return <p className="muted small">No experiment results yet.</p>;
  const { variants, winner } = res.data;
  return (
    <div className="experiment" data-testid="experiment-results">
      <h3 className="panel__section">
        Variants {winner ? <span className="badge badge--success">Winner: {winner}</span> : null}
      </h3>
      <table className="table table--compact">
        <thead>
          <tr>
            <th>Variant</th>
            <th className="num">In</th>
            <th className="num">Conv.</th>
            <th className="num">Rate</th>
            <th>vs control</th>
          </tr>
        </thead>
        <tbody>
          {variants.map((v) => {
            const rate = v.rate ?? (v.enrolled ? v.converted / v.enrolled : 0);
            const lift = v.vsControl?.relativeLift;
            return (
              <tr key={v.id}>
                <td>{v.id}</td>
                <td className="num">{v.enrolled}</td>
                <td className="num">{v.converted}</td>
                <td className="num">{(rate * 100).toFixed(1)}%</td>
                <td className="small">
                  {v.isControl ? (
                    <span className="muted">control</span>
                  ) : v.vsControl ? (
                    <>
                      {lift !== null && lift !== undefined
                        ? `${lift >= 0 ? "+" : ""}${(lift * 100).toFixed(0)}% · `
                        : ""}
                      {STATUS[v.vsControl.status ?? ""] ?? v.vsControl.status}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
