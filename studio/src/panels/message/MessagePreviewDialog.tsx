import { useState } from "react";
import type { Channel } from "@omnijourney/shared";
import { Dialog } from "../../components/Dialog.js";
import { usePreview } from "../previewContext.js";
import { ChannelPreview, type Viewport } from "./ChannelPreview.js";
import { SampleEventField } from "./SampleEventField.js";
import { useMessagePreview } from "./useMessagePreview.js";

const profileLabel = (p: { id: string; attributes: Record<string, unknown> }) =>
  String(p.attributes.email ?? p.attributes.firstName ?? p.id);

/**
 * The message rendered as its recipient will see it, for a chosen profile and sample event, at desktop or
 * mobile width. Loaded on demand (the first bundle does not carry it).
 */
export default function MessagePreviewDialog({
  channel,
  content,
  labels,
  onClose,
}: {
  channel: Channel;
  content: Record<string, string>;
  labels: Record<string, string>;
  onClose(): void;
}) {
  const ctx = usePreview();
  const [viewport, setViewport] = useState<Viewport>("desktop");
  const state = useMessagePreview({
    channel,
    content,
    profileId: ctx?.profile?.id ?? null,
    event: ctx?.sampleEvent ?? { name: "", properties: {} },
  });
  return (
    <Dialog title="Message preview" onClose={onClose} wide>
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
        <div className="message-preview__stage" data-testid="message-preview" aria-live="polite">
          {state.kind === "loading" ? <p className="muted">Rendering…</p> : null}
          {state.kind === "failed" ? (
            <p className="alert alert--warning">
              The preview could not be rendered: {state.message}
            </p>
          ) : null}
          {state.kind === "ready" ? (
            <>
              {Object.entries(state.preview.errors).map(([field, message]) => (
                <p key={field} className="alert alert--warning">
                  {labels[field] ?? field} has a template problem: {message}
                </p>
              ))}
              <ChannelPreview channel={channel} preview={state.preview} viewport={viewport} />
            </>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
