import type { Problem } from "../canvas/store/types.js";

/**
 * Maps a node's problems to form field paths ("subject", "timeout.amount") so the form can show
 * each message under its field. Paths are JSON paths, e.g. ["config", "subject"] or ["nodes", 3, "config", "subject"].
 */
export function fieldErrors(problems: Problem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    if (!p.path) continue;
    const path = p.path
      .join(".")
      .replace(/^nodes\.\d+\./, "")
      .replace(/^config\.?/, "");
    if (path && !out[path]) out[path] = p.message;
  }
  return out;
}
