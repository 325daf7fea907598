import type { NodeStats } from "../canvas/store/types.js";

/** One count tile in a step's side panel. */
export type StepTile = { label: string; value: number; alert: boolean };

/**
 * The count tiles of a step's side panel, in reading order: how many entered, wait there now, completed,
 * converted and failed there (a failed visit took the step's `failed` output or ended the journey as failed).
 */
export const stepTiles = (counts: NodeStats): StepTile[] => [
  { label: "entered", value: counts.entered, alert: false },
  { label: "waiting", value: counts.active, alert: false },
  { label: "completed", value: counts.completed, alert: false },
  { label: "converted", value: counts.converted, alert: false },
  { label: "failed", value: counts.failed, alert: counts.failed > 0 },
];
