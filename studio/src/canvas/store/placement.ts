/** A card on the canvas: its top-left corner and size. */
export type Box = { x: number; y: number; width: number; height: number };

/** A card not measured yet (never rendered) is taken at the size of a typical step card. */
export const DEFAULT_CARD = { width: 240, height: 90 };
const GAP = 16;
const STEP = 40;
const MAX_STEPS = 200;

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width + GAP &&
  b.x < a.x + a.width + GAP &&
  a.y < b.y + b.height + GAP &&
  b.y < a.y + a.height + GAP;

/**
 * How far to move pasted cards, diagonally in steps, so that none of them lands on a card already on
 * the canvas (the copied originals included): the first offset past `minSteps` that is free.
 */
export function freePasteOffset(
  pasted: readonly Box[],
  existing: readonly Box[],
  minSteps = 1,
): { x: number; y: number } {
  for (let k = Math.max(1, minSteps); k < MAX_STEPS; k++) {
    const d = k * STEP;
    const clear = pasted.every((p) =>
      existing.every((e) => !overlaps({ ...p, x: p.x + d, y: p.y + d }, e)),
    );
    if (clear) return { x: d, y: d };
  }
  return { x: MAX_STEPS * STEP, y: MAX_STEPS * STEP };
}
