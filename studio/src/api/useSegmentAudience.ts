import { useEffect, useState } from "react";
import type { Graph } from "../canvas/store/types.js";
import { segmentsApi } from "./segments.js";

/** The estimated audience of a segment trigger: how many people are in its segment now. */
export type SegmentAudience =
  | { kind: "none" }
  | { kind: "loading" }
  | { kind: "counted"; segmentName: string; count: number; enrolExisting: boolean }
  | { kind: "unknown" };

/** The draft's segment trigger, if it has one with a segment chosen. */
export function segmentTrigger(graph: Graph): { segmentId: string; enrolExisting: boolean } | null {
  const trigger = graph.nodes.find((n) => n.type === "trigger.segment");
  const segmentId = trigger?.config.segmentId;
  if (typeof segmentId !== "string" || !segmentId) return null;
  return { segmentId, enrolExisting: trigger?.config.enrolExisting === true };
}

/** Counts the segment trigger's members (the API counts through the segments repository), once per open. */
export function useSegmentAudience(graph: () => Graph): SegmentAudience {
  const [audience, setAudience] = useState<SegmentAudience>({ kind: "loading" });
  useEffect(() => {
    const trigger = segmentTrigger(graph());
    if (!trigger) {
      setAudience({ kind: "none" });
      return;
    }
    let live = true;
    segmentsApi.get(trigger.segmentId).then(
      (s) =>
        live &&
        setAudience(
          s.count === null
            ? { kind: "unknown" }
            : {
                kind: "counted",
                segmentName: s.name,
                count: s.count,
                enrolExisting: trigger.enrolExisting,
              },
        ),
      () => live && setAudience({ kind: "unknown" }),
    );
    return () => {
      live = false;
    };
    // The draft is read once, when the dialog opens (`graph` is a fresh closure on every render).
  }, []);
  return audience;
}
