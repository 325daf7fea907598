import { useEffect, useState } from "react";
import type { Channel, LinkTracking, MessagePreview } from "@omnijourney/shared";
import { messagesApi } from "../../api/messages.js";
import { errorMessage } from "../../api/client.js";
import type { SampleEvent } from "../preview.js";

export type PreviewState =
  | { kind: "loading" }
  | { kind: "ready"; preview: MessagePreview }
  | { kind: "failed"; message: string };

/** The message's fields rendered by the API for the profile and event, again 250 ms after each change. */
export function useMessagePreview(input: {
  channel: Channel;
  content: Record<string, string>;
  profileId: string | null;
  event: SampleEvent;
  journeyId?: string;
  linkTracking?: LinkTracking;
}): PreviewState {
  const [state, setState] = useState<PreviewState>({ kind: "loading" });
  const key = JSON.stringify(input);
  useEffect(() => {
    let live = true;
    const { channel, content, profileId, event, journeyId, linkTracking } = input;
    const timer = setTimeout(() => {
      const request = {
        channel,
        content,
        event,
        ...(profileId ? { profileId } : {}),
        ...(journeyId ? { journeyId } : {}),
        ...(linkTracking ? { utm: linkTracking } : {}),
      };
      messagesApi.preview(request).then(
        (preview) => live && setState({ kind: "ready", preview }),
        (error: unknown) => live && setState({ kind: "failed", message: errorMessage(error) }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // Keyed by the input's value: a new object with the same fields is the same preview.
  }, [key]);
  return state;
}
