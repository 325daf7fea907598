import { escapeKey } from "../keys.js";
import { Channel } from "../schemas/channel.js";

/** Where an attribute condition reads from in the stored profile. */
export type FieldRef =
  | { kind: "attribute"; path: string; segments: string[] }
  | { kind: "consent"; path: string; channel: Channel };

/**
 * Maps a condition's `attr` to the stored profile: "x.y" reads `attributes.x.y` (each part escaped like stored
 * keys); "consent.<channel>" reads that channel's marketing consent, "unknown" when never set.
 */
export function fieldOf(attr: string): FieldRef {
  const parts = attr.split(".");
  if (parts.length === 2 && parts[0] === "consent") {
    const channel = Channel.safeParse(parts[1]);
    if (channel.success)
      return { kind: "consent", path: `consent.${channel.data}.marketing`, channel: channel.data };
  }
  const segments = ["attributes", ...parts.map(escapeKey)];
  return { kind: "attribute", path: segments.join("."), segments };
}
