import { useCan, useMe } from "./MeContext.js";

/**
 * What the signed-in person can do with a draft: publish it, ask a publisher to approve it (approvals on), or
 * neither, with the sentence that says why.
 */
export function usePublishAccess(): { mode: "publish" | "request" | "none"; why: string } {
  const me = useMe();
  const publisher = useCan("publisher");
  const editor = useCan("editor");
  if (publisher.allowed) return { mode: "publish", why: "" };
  if (editor.allowed && me?.approvalsRequired) return { mode: "request", why: "" };
  return {
    mode: "none",
    why: editor.allowed
      ? `${publisher.why} Ask a publisher to publish it, or an admin to turn on approvals so you can request it.`
      : publisher.why,
  };
}
