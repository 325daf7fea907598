import { journeysApi } from "../api/journeys.js";
import { useResource } from "../api/useResource.js";
import { ExperimentReadout } from "./experiment/ExperimentReadout.js";

/** An A/B node's results while the journey runs, polled; the readout itself is {@link ExperimentReadout}. */
export function ExperimentResults({ journeyId, nodeId }: { journeyId: string; nodeId: string }) {
  const res = useResource(() => journeysApi.experiment(journeyId, nodeId), [journeyId, nodeId], {
    pollMs: 5000,
  });
  if (res.loading) return <p className="muted small">Loading experiment results…</p>;
  if (res.error || !res.data) return <p className="muted small">No experiment results yet.</p>;
  return (
    <>
      <h3 className="panel__section">Test results</h3>
      <ExperimentReadout results={res.data} />
    </>
  );
}
