import { useEffect, useRef } from "react";
import { commandRegistry } from "../commands/index.js";
import type { CommandContext } from "../commands/types.js";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** The keyboard side of the command dispatcher: one listener, every shortcut from the registry. */
export function useCommandKeys(ctx: CommandContext, enabled: boolean): void {
  const ref = useRef(ctx);
  ref.current = ctx;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      // Keys typed into a field belong to the field (undo there undoes text), except Escape.
      if (isTyping(event.target) && event.key !== "Escape") return;
      if (event.target instanceof HTMLElement && event.target.closest("[role=dialog]")) return;
      const command = commandRegistry.forKey(event);
      if (!command || !commandRegistry.isEnabled(command.id, ref.current)) return;
      event.preventDefault();
      void commandRegistry.run(command.id, ref.current);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
