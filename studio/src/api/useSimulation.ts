import { useState } from "react";
import type { SimulationRequest, SimulationResult } from "@omnijourney/shared";
import { errorMessage } from "./client.js";
import { journeysApi } from "./journeys.js";

export type Simulation = {
  result: SimulationResult | null;
  error: string | null;
  busy: boolean;
  /** Bumped per run, so what a screen derived from an earlier run (send-to-me results) can reset. */
  runs: number;
  /** Prepares the input (may throw a SyntaxError for bad JSON), then simulates; resolves with the result or null. */
  run(input: () => Promise<SimulationRequest>): Promise<SimulationResult | null>;
  clear(): void;
};

/** Dry-runs a journey through `POST /api/journeys/:id/simulate`, with busy and error state for the panel. */
export function useSimulation(journeyId: string): Simulation {
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [runs, setRuns] = useState(0);

  const run = async (input: () => Promise<SimulationRequest>) => {
    setBusy(true);
    setError(null);
    try {
      const res = await journeysApi.simulate(journeyId, await input());
      setResult(res);
      setRuns((n) => n + 1);
      return res;
    } catch (err) {
      setError(err instanceof SyntaxError ? `Not valid JSON: ${err.message}` : errorMessage(err));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { result, error, busy, runs, run, clear: () => setResult(null) };
}
