import { useState } from "react";
import { Dialog } from "../../components/Dialog.js";
import { usePreview } from "../previewContext.js";
import { ChannelPreview, type Viewport } from "./ChannelPreview.js";
import { SampleEventField } from "./SampleEventField.js";
import type { SampleEvent } from "../preview.js";
import type { PreviewedMessage } from "./previewedMessages.js";
import { useMessagePreview } from "./useMessagePreview.js";

const profileLabel = (p: { id: string; attributes: Record<string, unknown> }) =>
  String(p.attributes.email ?? p.attributes.firstName ?? p.id);

/**
 * The message rendered as its recipient will see it, for a chosen profile and sample event, at desktop or
 * mobile width. Loaded on demand (the first bundle does not carry it).
 */
export default function MessagePreviewDialog({
  messages,
  journeyId,
  onClose,
}: {
  /** One message, or a cascade's steps in order. */
  messages: PreviewedMessage[];
  /** The journey the step belongs to (link tracking's campaign is named after it). */
  journeyId?: string;
  onClose(): void;
}) {
  const ctx = usePreview();
  const [viewport, setViewport] = useState<Viewport>("desktop");
  const profileId = ctx?.profile?.id ?? null;
  const event = ctx?.sampleEvent ?? { name: "", properties: {} };
  return (
    <Dialog
      title={messages.length > 1 ? "Cascade preview" : "Message preview"}
      onClose={onClose}
      wide
    >
      <div className="message-preview">
        <div className="message-preview__controls">
          {ctx && ctx.profiles.length ? (
            <div className="field">
              <label className="field__label" htmlFor="preview-dialog-profile">
                Preview as
              </label>
              <select
                id="preview-dialog-profile"
                className="select"
                value={ctx.profile?.id ?? ""}
                onChange={(e) => ctx.selectProfile(e.target.value)}
              >
                {ctx.profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {profileLabel(p)}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p className="muted">No profiles yet: the preview shows empty profile fields.</p>
          )}
          {ctx ? (
            <SampleEventField
              key={ctx.profile?.id ?? ""}
              event={ctx.sampleEvent}
              onChange={ctx.setSampleEvent}
            />
          ) : null}
          <div className="segmented" role="group" aria-label="Screen width">
            {(["desktop", "mobile"] as const).map((v) => (
              <button
                key={v}
                type="button"
                className={viewport === v ? "btn btn--sm btn--active" : "btn btn--sm"}
                aria-pressed={viewport === v}
                onClick={() => setViewport(v)}
              >
                {v === "desktop" ? "Desktop" : "Mobile"}
              </button>
            ))}
          </div>
        </div>
        <div className="message-preview__stages">
          {messages.map((message, index) => (
            <MessageStage
              key={index}
              message={message}
              testId={
                messages.length === 1 ? "message-preview" : `message-preview-step-${index + 1}`
              }
              request={{ profileId, event, ...(journeyId ? { journeyId } : {}) }}
              viewport={viewport}
            />
          ))}
        </div>
      </div>
    </Dialog>
  );
}

/** One message rendered by the API, with its template problems above it. */
function MessageStage({
  message,
  testId,
  request,
  viewport,
}: {
  message: PreviewedMessage;
  testId: string;
  request: { profileId: string | null; event: SampleEvent; journeyId?: string };
  viewport: Viewport;
}) {
  const state = useMessagePreview({
    channel: message.channel,
    content: message.content,
    ...request,
    ...(message.linkTracking ? { linkTracking: message.linkTracking } : {}),
  });
  return (
    <section className="message-preview__stage" data-testid={testId} aria-live="polite">
      {message.title ? <h3 className="panel__section">{message.title}</h3> : null}
      {state.kind === "loading" ? <p className="muted">Rendering…</p> : null}
      {state.kind === "failed" ? (
        <p className="alert alert--warning">The preview could not be rendered: {state.message}</p>
      ) : null}
      {state.kind === "ready" ? (
        <>
          {Object.entries(state.preview.errors).map(([field, problem]) => (
            <p key={field} className="alert alert--warning">
              {message.labels[field] ?? field} has a template problem: {problem}
            </p>
          ))}
          <ChannelPreview channel={message.channel} preview={state.preview} viewport={viewport} />
        </>
      ) : null}
    </section>
  );
}
