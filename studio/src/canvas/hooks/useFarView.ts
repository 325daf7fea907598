import { useStore, type ReactFlowState } from "@xyflow/react";

/**
 * Below this zoom a card's text is a few pixels high and unreadable, so cards draw their outline, icon and
 * handles only (semantic zoom): a 500-step journey fitted to the screen opens and pans faster, and looks
 * the same. Zooming in past it brings the text back.
 */
export const FAR_ZOOM = 0.45;

const isFar = (s: ReactFlowState): boolean => s.transform[2] < FAR_ZOOM;

/** Whether the canvas is zoomed out past FAR_ZOOM; a card re-renders only when this flips. */
export function useFarView(): boolean {
  return useStore(isFar);
}
