import { useStore, type ReactFlowState } from "@xyflow/react";

/**
 * Below this zoom a card's text is a few pixels high and unreadable, so a card is drawn as a block in its
 * step's colour with its handles (semantic zoom): a 500-step journey fitted to the screen opens and pans
 * faster. Zooming in past it brings the full card back.
 */
export const FAR_ZOOM = 0.45;

const isFar = (s: ReactFlowState): boolean => s.transform[2] < FAR_ZOOM;

/** Whether the canvas is zoomed out past FAR_ZOOM; a card re-renders only when this flips. */
export function useFarView(): boolean {
  return useStore(isFar);
}
