import { useState } from "react";
import type { ExperimentDecision, ExperimentResponse } from "@omnijourney/shared";
import { journeysApi } from "../../api/journeys.js";
import { useResource } from "../../api/useResource.js";
import { dateTime } from "../../components/format.js";

const nameOf = (results: ExperimentResponse, arm: string) =>
  results.variants.find((v) => v.id === arm)?.name ?? arm;

/**
 * Declaring a winner: pick the variant (the detected winner first), confirm, and the journey is republished with
 * everyone but the holdout on it. The decision on record (who, when, which version) shows below.
 */
export function DeclareWinner({
  journeyId,
  results,
  onDeclared,
}: {
  journeyId: string;
  results: ExperimentResponse;
  onDeclared?(decision: ExperimentDecision): void;
}) {
  const decisions = useResource(() => journeysApi.decisions(journeyId), [journeyId]);
  const arms = results.variants.filter((v) => v.id !== "holdout");
  const [arm, setArm] = useState(results.winner ?? arms[0]?.id ?? "");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decided = (decisions.data ?? []).filter((d) => d.nodeId === results.nodeId).at(-1);

  if (decided)
    return (
      <div className="experiment__decision" data-testid="experiment-decision" role="status">
        <strong>{nameOf(results, decided.arm)}</strong> was declared the winner by{" "}
        {decided.decidedBy} on {dateTime(decided.decidedAt)}. Version {decided.version} sends
        everyone to it
        {results.variants.some((v) => v.id === "holdout")
          ? " (the holdout still gets nothing)"
          : ""}
        .
      </div>
    );

  const declare = async () => {
    setBusy(true);
    setError(null);
    try {
      const decision = await journeysApi.declareWinner(journeyId, results.nodeId, arm);
      decisions.setData([...(decisions.data ?? []), decision]);
      onDeclared?.(decision);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The winner could not be declared.");
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <div className="experiment__declare">
      {confirming ? (
        <div role="alertdialog" aria-label="Confirm the winner">
          <p>
            Send everyone to <strong>{nameOf(results, arm)}</strong> from now on? This publishes a
            new version of the journey; customers already in it finish where they are.
          </p>
          <button
            type="button"
            className="btn btn--primary btn--sm"
            disabled={busy}
            onClick={() => void declare()}
          >
            Yes, declare {nameOf(results, arm)} the winner
          </button>{" "}
          <button type="button" className="btn btn--sm" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <>
          <label className="experiment__declare-pick">
            Winner
            <select value={arm} onChange={(e) => setArm(e.target.value)}>
              {arms.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>{" "}
          <button
            type="button"
            className="btn btn--sm"
            onClick={() => setConfirming(true)}
            disabled={!arm}
          >
            Declare winner…
          </button>
        </>
      )}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
