import type { SimulatedMessageEntry } from "@omnijourney/shared";

/**
 * "+2d 3h" from seconds since the test started, to the minute: a dry run's steps take a few real
 * seconds on a busy machine, which must not make the same test read differently ("+2s" vs "+4s").
 */
export function formatOffset(seconds: number): string {
  if (seconds < 60) return "at entry";
  const parts: string[] = [];
  let rest = Math.floor(seconds / 60) * 60;
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return `+${parts.slice(0, 2).join(" ")}`;
}

/** Why the simulated send did not happen, in a marketer's words. */
export const NOT_SENT: Record<string, string> = {
  no_address: "the profile has no address on this channel",
  no_consent: "the profile has not consented to marketing on this channel",
  transactional_unsubscribed: "the profile unsubscribed on this channel",
  frequency_cap: "the frequency cap was reached",
  journey_frequency_cap: "this journey's frequency cap was reached",
  quiet_hours: "quiet hours",
  render_error: "a template could not be rendered",
};

/** A simulated message that was rendered and would go out (suppressed ones carry no content). */
export function wouldSend(m: Pick<SimulatedMessageEntry, "status" | "content">): boolean {
  return m.status === "sent" && Object.keys(m.content).length > 0;
}
