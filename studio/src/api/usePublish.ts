import { useEffect, useState } from "react";
import { Problem } from "@omnijourney/shared";
import { z } from "zod";
import { diffJourneys, type JourneyDiff } from "../canvas/diff.js";
import type { Graph } from "../canvas/store/types.js";
import { ApiError, errorMessage } from "./client.js";
import { journeysApi } from "./journeys.js";

const InvalidJourneyDetails = z.looseObject({ problems: z.array(Problem).default([]) });

export type PublishOutcome =
  { ok: true; version: number } | { ok: false; message: string; problems?: Problem[] };

/**
 * What publishing would change (the draft against the live version, null while loading) and the
 * publish call itself, its refusal turned into a sentence and the validator's problems.
 */
export function usePublish(
  journeyId: string,
  liveVersion: number | null,
  draft: () => Graph,
): { diff: JourneyDiff | null; publish(): Promise<PublishOutcome> } {
  const [diff, setDiff] = useState<JourneyDiff | null>(null);
  useEffect(() => {
    let live = true;
    const current = draft();
    (liveVersion ? journeysApi.version(journeyId, liveVersion) : Promise.resolve(null)).then(
      (version) => live && setDiff(diffJourneys(version?.document ?? null, current)),
      () => live && setDiff(diffJourneys(null, current)),
    );
    return () => {
      live = false;
    };
    // The draft is read once, when the dialog opens (`draft` is a fresh closure on every render).
  }, [journeyId, liveVersion]);

  const publish = async (): Promise<PublishOutcome> => {
    try {
      const { version } = await journeysApi.publish(journeyId);
      return { ok: true, version };
    } catch (err) {
      if (err instanceof ApiError && err.code === "invalid_journey") {
        const parsed = InvalidJourneyDetails.safeParse(err.details);
        return {
          ok: false,
          message: "The journey has problems. Fix them and publish again.",
          ...(parsed.success ? { problems: parsed.data.problems } : {}),
        };
      }
      return { ok: false, message: errorMessage(err) };
    }
  };
  return { diff, publish };
}
