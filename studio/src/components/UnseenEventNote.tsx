import { usePreview } from "../panels/previewContext.js";

/** A warning under an event-name field when the workspace has never tracked an event of that name. */
export function UnseenEventNote({ name }: { name: string }) {
  const tracked = usePreview()?.trackedEvents;
  const trimmed = name.trim();
  if (!tracked || !trimmed || tracked.has(trimmed)) return null;
  return (
    <p className="field__warning" data-testid="unseen-event">
      No “{trimmed}” event has been tracked in this workspace yet. Check the spelling, or make sure
      your app sends it.
    </p>
  );
}
