import type { ConsentStatus } from "@omnijourney/shared";

/** Consent as a marketer reads it; `unknown` means nobody asked the customer yet. */
export const CONSENT_LABELS: Record<ConsentStatus, string> = {
  subscribed: "Subscribed",
  unsubscribed: "Unsubscribed",
  unknown: "Not asked yet",
};

/** The label of a stored consent value (values of older versions show as they are, capitalised). */
export function consentLabel(status: string): string {
  return status in CONSENT_LABELS
    ? CONSENT_LABELS[status as ConsentStatus] // why: narrowed by the `in` check just above
    : status.charAt(0).toUpperCase() + status.slice(1);
}
