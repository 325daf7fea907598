import { z } from "zod";
import { VariantCounts } from "./experiments.js";

/** `POST /api/journeys/:id/experiments/:nodeId/winner`: the arm everyone is sent to from now on. */
export const DeclareWinnerBody = z.object({
  /** A variant id of the live version's experiment node. */
  arm: z.string().min(1).max(40),
  /** Why, in the decider's words. */
  note: z.string().max(2000).optional(),
});
/** A declare-winner request. */
export type DeclareWinnerBody = z.infer<typeof DeclareWinnerBody>;

/** A winner declared for an experiment node: who, when, on which figures, and the version it published. */
export const ExperimentDecision = z
  .object({
    nodeId: z.string(),
    arm: z.string(),
    note: z.string().optional(),
    /** "admin" for the admin token. */
    decidedBy: z.string(),
    decidedAt: z.string(),
    /** The live version the experiment ran on, and the one published with everyone on `arm`. */
    fromVersion: z.number().int(),
    version: z.number().int(),
    /** The figures the decision rested on: the control and each arm's counts at that moment. */
    figures: z.object({ control: z.string(), arms: z.array(VariantCounts) }),
  })
  .meta({ id: "ExperimentDecision" });
/** A declared winner. */
export type ExperimentDecision = z.infer<typeof ExperimentDecision>;
