import { lazy, Suspense, useState } from "react";
import type { NodeTypeInfo } from "../../catalog/types.js";
import { previewedMessages } from "./previewedMessages.js";

export { messageChannel } from "./previewedMessages.js";

const MessagePreviewDialog = lazy(() => import("./MessagePreviewDialog.js"));

/**
 * "Preview message": opens the rendered preview of a message step, every step of a cascade, or a webhook's
 * request (the dialog loads on first use).
 */
export function PreviewMessageButton({
  info,
  config,
  journeyId,
}: {
  info: NodeTypeInfo;
  config: Record<string, unknown>;
  journeyId?: string;
}) {
  const [open, setOpen] = useState(false);
  const messages = previewedMessages(info, config);
  if (messages.length === 0) return null;
  const label =
    info.type === "message.cascade"
      ? "Preview messages"
      : info.type === "message.webhook"
        ? "Preview request"
        : "Preview message";
  return (
    <>
      <button
        type="button"
        className="btn btn--sm"
        data-testid="preview-message"
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <MessagePreviewDialog
            messages={messages}
            journeyId={journeyId}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      ) : null}
    </>
  );
}
