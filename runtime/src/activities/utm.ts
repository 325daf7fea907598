import { resolveUtm, type Channel, type LinkTracking, type UtmParams } from "@omnijourney/shared";
import type { RuntimeStore } from "./store.js";

/** The UTM parameters a send adds to its links (the campaign from the journey's name), or null when off. */
export async function utmFor(
  store: RuntimeStore,
  req: { linkTracking?: LinkTracking; channel: Channel; enrolment: { journeyId: string } },
): Promise<UtmParams | null> {
  if (!req.linkTracking?.enabled) return null;
  const id = req.enrolment.journeyId;
  return resolveUtm(req.linkTracking, req.channel, { id, name: await store.getJourneyName(id) });
}
