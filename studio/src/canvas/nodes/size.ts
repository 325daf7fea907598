/** A step card's width on the canvas (fixed in styles/editor/cards.css). */
export const NODE_WIDTH = 240;

/** A card's usual height before React Flow has measured it. */
export const CARD_HEIGHT_GUESS = 90;
