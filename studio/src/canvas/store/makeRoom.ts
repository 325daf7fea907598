import { CARD_HEIGHT_GUESS, NODE_WIDTH } from "../nodes/size.js";
import type { JourneyNode } from "./types.js";

type Measured = Record<string, { width: number; height: number }>;
/** A card as shown (`y`) and as the document has it (`docY`). */
type Placed = { x: number; y: number; docY: number; width: number; height: number };

const GAP = 24;

/**
 * Where cards are shown when some grew past a plain card's height (a live journey's counts row, a
 * cascade's table): a card that was clear of a plain-sized card above it, and that the grown card now
 * covers, moves down below it, and so on down the column. Only the view moves: the document keeps its
 * positions, so a journey does not change because it went live. Cards placed over each other on purpose
 * stay as they are. Returns the moved cards' positions only.
 */
export function makeRoom(
  nodes: readonly JourneyNode[],
  measured: Measured,
): Map<string, { x: number; y: number }> {
  const moved = new Map<string, { x: number; y: number }>();
  const order = [...nodes].sort(
    (a, b) => a.position.y - b.position.y || a.position.x - b.position.x,
  );
  const placed: Placed[] = [];
  for (const node of order) {
    const size = measured[node.id] ?? { width: NODE_WIDTH, height: CARD_HEIGHT_GUESS };
    let y = node.position.y;
    const { x } = node.position;
    for (const above of placed) {
      if (above.y > y) break;
      const sideBySide = x >= above.x + above.width || above.x >= x + size.width;
      if (sideBySide) continue;
      // In the document, this card was clear of the one above at its plain height.
      const clearOfPlainCard =
        node.position.y >= above.docY + Math.min(above.height, CARD_HEIGHT_GUESS);
      if (clearOfPlainCard && y < above.y + above.height + GAP) y = above.y + above.height + GAP;
    }
    if (y !== node.position.y) moved.set(node.id, { x, y });
    const at = { x, y, docY: node.position.y, ...size };
    const index = placed.findIndex((p) => p.y > y);
    placed.splice(index < 0 ? placed.length : index, 0, at);
  }
  return moved;
}
