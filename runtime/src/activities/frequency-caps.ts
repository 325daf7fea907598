/**
 * The frequency caps a marketing send must pass, in one function: the workspace cap (every journey, every
 * channel) and the journey's own caps (its sends, on one channel or all). One read of the profile's recent
 * sends serves them all. Over a cap: skip (suppressed) or defer until a slot frees, as the workspace's cap
 * action says.
 */
import { durationToMs, type JourneyFrequencyCap } from "@omnijourney/shared";
import type { RecentMarketingSend } from "@omnijourney/store";
import { durationMs, type WorkspaceSettings } from "../settings/workspace-settings.js";
import type { RuntimeStore } from "./store.js";

/** What the caps say about one send: go ahead, skip it, or defer it to `until`. */
export type CapVerdict =
  | { action: "send" }
  | { action: "skip"; reason: CapReason }
  | { action: "defer"; reason: CapReason; until: Date };

/** `frequency_cap`: the workspace's; `journey_frequency_cap`: one of the journey's own. */
export type CapReason = "frequency_cap" | "journey_frequency_cap";

type Cap = {
  limit: number;
  windowMs: number;
  reason: CapReason;
  counts(send: RecentMarketingSend): boolean;
};

const journeyCap = (journeyId: string, cap: JourneyFrequencyCap): Cap => ({
  limit: cap.limit,
  windowMs: durationToMs(cap.window),
  reason: "journey_frequency_cap",
  counts: (send) =>
    send.journeyId === journeyId && (cap.channel === undefined || send.channel === cap.channel),
});

/** Checks a marketing send against every cap in force (the caller has checked the category and the journey's switch). */
export async function checkFrequencyCaps(input: {
  store: RuntimeStore;
  settings: WorkspaceSettings;
  journeyCaps: readonly JourneyFrequencyCap[];
  profileId: string;
  journeyId: string;
  /** The channel of the send being checked. */
  channel: string;
  at: Date;
}): Promise<CapVerdict> {
  const { settings, at } = input;
  // A cap on one channel governs that channel's sends only.
  const caps: Cap[] = input.journeyCaps
    .filter((cap) => cap.channel === undefined || cap.channel === input.channel)
    .map((cap) => journeyCap(input.journeyId, cap));
  if (settings.frequencyCap.enabled)
    caps.unshift({
      limit: settings.frequencyCap.limit,
      windowMs: durationMs(settings.frequencyCap.window),
      reason: "frequency_cap",
      counts: () => true,
    });
  if (caps.length === 0) return { action: "send" };
  const longest = Math.max(...caps.map((c) => c.windowMs));
  const recent = await input.store.recentMarketingSends(
    input.profileId,
    new Date(at.getTime() - longest),
  );
  let deferUntil: { until: Date; reason: CapReason } | null = null;
  for (const cap of caps) {
    const since = at.getTime() - cap.windowMs;
    const counted = recent.filter((s) => s.at.getTime() >= since && cap.counts(s));
    if (counted.length < cap.limit) continue;
    if (settings.frequencyCap.action === "skip") return { action: "skip", reason: cap.reason };
    // A slot frees when the oldest send that keeps the count at the limit leaves the window.
    const oldest = counted[counted.length - cap.limit]?.at ?? at;
    const until = new Date(oldest.getTime() + cap.windowMs + 1000);
    if (!deferUntil || until > deferUntil.until) deferUntil = { until, reason: cap.reason };
  }
  return deferUntil ? { action: "defer", ...deferUntil } : { action: "send" };
}
