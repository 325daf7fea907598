import { zonedDateTime } from "./zonedTime.js";

/** "3 min ago", "yesterday", or a date: how the studio shows when something happened. */
export function relativeTime(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return "—";
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = Math.round((now - t) / 1000);
  if (s < 45) return "just now";
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  if (s < 172800) return "yesterday";
  return new Date(t).toLocaleDateString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
  });
}

/** A date and time with its year and zone ("Thu, Dec 3, 2026, 11:40 AM UTC"), in the browser's zone. */
export function dateTime(iso: string | null | undefined, timeZone?: string): string {
  return zonedDateTime(iso, timeZone);
}

export function number(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : n.toLocaleString();
}

export function percent(part: number, whole: number): string {
  return whole ? `${((part / whole) * 100).toFixed(1)}%` : "—";
}

const CHANNEL_LABELS: Record<string, string> = {
  email: "Email",
  sms: "SMS",
  push: "Push",
  telegram: "Telegram",
  whatsapp: "WhatsApp",
  webhook: "Webhook",
  inapp: "In-app",
};

/** "SMS", "WhatsApp": how a channel is named on screen. */
export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel] ?? channel;
}

/** An amount in the workspace currency; sub-cent amounts keep up to four decimals ("$0.0005"). */
export function money(amount: number, currency = "USD"): string {
  try {
    return amount.toLocaleString("en-US", {
      style: "currency",
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: Math.abs(amount) < 1 && amount !== 0 ? 4 : 2,
    });
  } catch {
    // An unknown currency code: the number and the code.
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** "1 step", "3 steps": a count with its noun, singular for one. */
export const countOf = (n: number, noun: string, plural = `${noun}s`): string =>
  `${n.toLocaleString()} ${n === 1 ? noun : plural}`;
