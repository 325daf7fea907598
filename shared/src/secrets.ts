/**
 * Credentials never leave the product in clear (DESIGN.md "Secrets"): not in a log line, not in an API
 * response. These helpers are the one definition of what counts as a credential and how it is masked, used by
 * the loggers of the API and the worker and by the settings endpoints.
 */

/** What a masked credential reads as. Sending it back in a settings update keeps the stored value. */
export const MASK = "••••••••";

/** Setting and field names that hold a credential (`authToken`, `apiKey`, `password`, `smtpUrl`'s userinfo aside). */
export const SECRET_NAME = /secret|token|password|passwd|key|auth|credential|private/i;

// scheme://userinfo@ — the userinfo is everything up to the last "@" before the host, with no "/" in it.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;

/** Replaces the userinfo (`user:password@`) of every URL in a text by the mask: `smtp://••••••••@mail.example.com`. */
export const maskUrlCredentials = (text: string): string =>
  text.includes("@") ? text.replace(URL_USERINFO, `$1${MASK}@`) : text;

/** Whether a text still holds a URL with credentials in it. */
export const hasUrlCredentials = (text: string): boolean => {
  URL_USERINFO.lastIndex = 0;
  return URL_USERINFO.test(text);
};

/**
 * A flat settings record as the API shows it: values under a credential's name masked whole, and the userinfo
 * of any URL masked (`smtp://user:PASSWORD@host` names no secret in its key).
 */
export const maskSecrets = (settings: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (value === "" || value === null || value === undefined) out[key] = value;
    else if (key !== "provider" && SECRET_NAME.test(key)) out[key] = MASK;
    else out[key] = typeof value === "string" ? maskUrlCredentials(value) : value;
  }
  return out;
};

/**
 * A settings update against what is stored: a value that still carries the mask (whole, or inside a URL) is
 * what the API showed, so the stored credential is kept.
 */
export const keepMaskedSecrets = (
  update: Record<string, unknown>,
  stored: Record<string, unknown>,
): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(update))
    out[key] = typeof value === "string" && value.includes(MASK) ? stored[key] : value;
  return out;
};

/** Query parameters whose value is a credential when they appear in a logged URL. */
const SECRET_QUERY = /([?&](?:[^=&#]*(?:token|key|secret|password|sig|signature)[^=&#]*)=)[^&#]*/gi;

/** A request URL fit for a log line: credentials in its userinfo and query string masked. */
export const maskUrlForLog = (url: string): string =>
  maskUrlCredentials(url.includes("=") ? url.replace(SECRET_QUERY, `$1${MASK}`) : url);

/** Request headers that carry credentials; a logged request shows them masked. */
export const SECRET_HEADERS: readonly string[] = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "x-csrf-token",
  "x-hub-signature",
  "x-hub-signature-256",
  "x-twilio-signature",
  "x-telegram-bot-api-secret-token",
];

/** Headers as a log line may show them: every credential header masked. */
export const maskHeaders = (headers: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = SECRET_HEADERS.includes(name.toLowerCase()) ? MASK : value;
  return out;
};
