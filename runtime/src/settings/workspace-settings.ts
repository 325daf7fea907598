/**
 * Workspace-wide send policy: quiet hours, frequency caps, channel costs and provider choice.
 * Stored as one Settings document; read by the send activity before every message.
 */
export type DurationSpec = { amount: number; unit: "second" | "minute" | "hour" | "day" | "week" };

export interface QuietHours {
  enabled: boolean;
  /** Local wall-clock time "HH:MM" when quiet hours begin, e.g. "21:00". */
  start: string;
  /** Local wall-clock time "HH:MM" when they end (the send window opens), e.g. "08:00". */
  end: string;
  /** Used when the profile has no `timezone` attribute. */
  defaultTimezone: string;
}

export interface FrequencyCap {
  enabled: boolean;
  /** At most this many marketing messages per profile within `window`, across all journeys. */
  limit: number;
  window: DurationSpec;
  /** `skip` logs the message as suppressed; `defer` sleeps until a slot frees up and tries again. */
  action: "skip" | "defer";
}

export interface WorkspaceSettings {
  quietHours: QuietHours;
  frequencyCap: FrequencyCap;
  /** Cost of one message per channel, in `currency`. Drives cascade "cheapest first" and cost reports. */
  channelCosts: Record<string, number>;
  currency: string;
  /**
   * Provider settings per channel in the providers module's shape (`ProviderSettings`, e.g.
   * `{ sms: { provider: "twilio", accountSid, ... } }`). Empty means: from the environment.
   * The worker reads them when it starts.
   */
  providers: Record<string, Record<string, unknown>>;
  /** Named credentials for custom node types (`services.secrets.get(name)`); the API shows them masked. */
  secrets: Record<string, string>;
}

export const defaultWorkspaceSettings: WorkspaceSettings = {
  quietHours: { enabled: true, start: "21:00", end: "08:00", defaultTimezone: "UTC" },
  frequencyCap: { enabled: true, limit: 3, window: { amount: 1, unit: "day" }, action: "skip" },
  channelCosts: {
    email: 0.001,
    push: 0.0005,
    inapp: 0,
    webhook: 0,
    telegram: 0,
    whatsapp: 0.03,
    sms: 0.05,
  },
  currency: "USD",
  providers: {},
  secrets: {},
};

const unitMs: Record<DurationSpec["unit"], number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};

export function durationMs(duration: DurationSpec): number {
  return duration.amount * unitMs[duration.unit];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Merges a stored (possibly partial, possibly older) settings document over the defaults. */
export function normaliseSettings(stored: unknown): WorkspaceSettings {
  const s = isRecord(stored) ? stored : {};
  const d = defaultWorkspaceSettings;
  const quiet = isRecord(s.quietHours) ? s.quietHours : {};
  const cap = isRecord(s.frequencyCap) ? s.frequencyCap : {};
  const window = isRecord(cap.window) ? cap.window : {};
  const units = Object.keys(unitMs);
  return {
    quietHours: {
      enabled: typeof quiet.enabled === "boolean" ? quiet.enabled : d.quietHours.enabled,
      start: typeof quiet.start === "string" ? quiet.start : d.quietHours.start,
      end: typeof quiet.end === "string" ? quiet.end : d.quietHours.end,
      defaultTimezone:
        typeof quiet.defaultTimezone === "string"
          ? quiet.defaultTimezone
          : d.quietHours.defaultTimezone,
    },
    frequencyCap: {
      enabled: typeof cap.enabled === "boolean" ? cap.enabled : d.frequencyCap.enabled,
      limit: typeof cap.limit === "number" ? cap.limit : d.frequencyCap.limit,
      window: {
        amount: typeof window.amount === "number" ? window.amount : d.frequencyCap.window.amount,
        unit:
          typeof window.unit === "string" && units.includes(window.unit)
            ? // Checked against the unit table on the line above.
              (window.unit as DurationSpec["unit"])
            : d.frequencyCap.window.unit,
      },
      action:
        cap.action === "defer" ? "defer" : cap.action === "skip" ? "skip" : d.frequencyCap.action,
    },
    channelCosts: { ...d.channelCosts, ...numberMap(s.channelCosts) },
    currency: typeof s.currency === "string" ? s.currency : d.currency,
    providers: providerMap(s.providers),
    secrets: stringMap(s.secrets),
  };
}

function numberMap(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!isRecord(value)) return out;
  for (const [key, v] of Object.entries(value))
    if (typeof v === "number" && Number.isFinite(v)) out[key] = v;
  return out;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, v] of Object.entries(value)) if (typeof v === "string") out[key] = v;
  return out;
}

function providerMap(value: unknown): WorkspaceSettings["providers"] {
  const out: WorkspaceSettings["providers"] = {};
  if (!isRecord(value)) return out;
  for (const [key, v] of Object.entries(value))
    if (isRecord(v) && typeof v.provider === "string") out[key] = v;
  return out;
}
