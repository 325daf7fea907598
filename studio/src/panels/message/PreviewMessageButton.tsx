import { lazy, Suspense, useState } from "react";
import { Channel } from "@omnijourney/shared";
import type { NodeTypeInfo } from "../../catalog/types.js";
import { humanise } from "../form/jsonSchema.js";

const MessagePreviewDialog = lazy(() => import("./MessagePreviewDialog.js"));

/** The channel a message step sends on (`message.<channel>`), or null for any other step. */
export function messageChannel(type: string): Channel | null {
  const parsed = Channel.safeParse(type.startsWith("message.") ? type.slice(8) : "");
  return parsed.success ? parsed.data : null;
}

/** The step's template fields as strings, in form order. */
function templateFields(info: NodeTypeInfo, config: Record<string, unknown>) {
  const content: Record<string, string> = {};
  const labels: Record<string, string> = {};
  for (const field of info.ui.liquid ?? []) {
    const value = config[field];
    if (typeof value === "string") content[field] = value;
    labels[field] = info.ui.labels?.[field] ?? humanise(field);
  }
  return { content, labels };
}

/** "Preview message": opens the rendered preview of a message step (the dialog loads on first use). */
export function PreviewMessageButton({
  info,
  config,
}: {
  info: NodeTypeInfo;
  config: Record<string, unknown>;
}) {
  const [open, setOpen] = useState(false);
  const channel = messageChannel(info.type);
  if (!channel || channel === "webhook") return null;
  const { content, labels } = templateFields(info, config);
  return (
    <>
      <button
        type="button"
        className="btn btn--sm"
        data-testid="preview-message"
        onClick={() => setOpen(true)}
      >
        Preview message
      </button>
      {open ? (
        <Suspense fallback={null}>
          <MessagePreviewDialog
            channel={channel}
            content={content}
            labels={labels}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      ) : null}
    </>
  );
}
