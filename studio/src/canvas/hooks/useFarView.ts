import { useStore, type ReactFlowState } from "@xyflow/react";
import { createContext, useContext } from "react";

/**
 * Below this zoom a card's text is a few pixels high and unreadable, so a card is drawn as a block in its
 * step's colour (semantic zoom): a 500-step journey fitted to the screen opens and pans faster. Zooming in
 * past it brings the full card back.
 */
export const FAR_ZOOM = 0.45;

const isFar = (s: ReactFlowState): boolean => s.transform[2] < FAR_ZOOM;

/** Whether React Flow's viewport is zoomed out past FAR_ZOOM; for the canvas, which provides it to cards. */
export function useZoomedFar(): boolean {
  return useStore(isFar);
}

/**
 * The canvas's answer to "zoomed out past FAR_ZOOM?", passed down by context rather than a store subscription
 * per card: React Flow's store changes many times while a journey opens, and each change runs every
 * subscriber's selector. A card re-renders only when the answer flips.
 */
export const FarViewContext = createContext(false);

export function useFarView(): boolean {
  return useContext(FarViewContext);
}
