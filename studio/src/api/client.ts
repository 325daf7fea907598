import type { z } from "zod";
import { getToken, clearToken } from "../auth/token.js";
import { getCsrfToken } from "../auth/csrf.js";

/** The API's one error envelope, surfaced to screens as an exception with the code kept. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Listeners told when the server rejects the token, so the app can return to the sign-in page. */
const unauthorisedListeners = new Set<() => void>();
export function onUnauthorised(listener: () => void): () => void {
  unauthorisedListeners.add(listener);
  return () => unauthorisedListeners.delete(listener);
}

/** The headers that sign a request in: the bearer token, or the session's CSRF token on a change. */
function credentials(method: Method, token: string | null, accept: string): Record<string, string> {
  const headers: Record<string, string> = { accept };
  if (token) headers.authorization = `Bearer ${token}`;
  // A session (cookie) proves each change comes from the studio with its CSRF token (docs/teams.md).
  const csrf = getCsrfToken();
  if (!token && csrf && method !== "GET") headers["x-csrf-token"] = csrf;
  return headers;
}

/**
 * Downloads a file the API streams (a CSV export) and hands it to the browser as a download: fetched with the
 * studio's credentials, which a plain link would not send.
 */
export async function download(path: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: credentials("GET", getToken(), "text/csv") });
  } catch (cause) {
    throw new ApiError(0, "network_error", "The server cannot be reached.", cause);
  }
  if (!response.ok) throw errorOf(response, parse(await response.text()));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function request(
  method: Method,
  path: string,
  body?: unknown,
  token = getToken(),
): Promise<unknown> {
  const headers = credentials(method, token, "application/json");
  const csrf = getCsrfToken();
  if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(
      0,
      "network_error",
      "The server cannot be reached. Is `npm start` running?",
      cause,
    );
  }
  const parsed = parse(await response.text());
  if (!response.ok) {
    if (response.status === 401 && (token || csrf)) {
      clearToken();
      for (const listener of unauthorisedListeners) listener();
    }
    throw errorOf(response, parsed);
  }
  return parsed;
}

/** A body as JSON, or as the text itself when it is not JSON; undefined when empty. */
function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The API's one error envelope as an exception (a status line when the body is not one). */
function errorOf(response: Response, parsed: unknown): ApiError {
  const envelope = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : {};
  const code = typeof envelope.code === "string" ? envelope.code : `http_${response.status}`;
  const message =
    typeof envelope.message === "string"
      ? envelope.message
      : `${response.status} ${response.statusText}`;
  return new ApiError(response.status, code, message, envelope.details);
}

export const api = {
  get: (path: string) => request("GET", path),
  post: (path: string, body?: unknown) => request("POST", path, body ?? {}),
  put: (path: string, body: unknown) => request("PUT", path, body),
  patch: (path: string, body: unknown) => request("PATCH", path, body),
  del: (path: string) => request("DELETE", path),
};

/**
 * A request whose answer is parsed by the shared response schema of its endpoint, so the studio reads
 * exactly what the API declares (a renamed field is a type error here, not a blank screen).
 */
export async function requestAs<S extends z.ZodType>(
  schema: S,
  method: Method,
  path: string,
  body?: unknown,
  token?: string,
): Promise<z.output<S>> {
  return schema.parse(await request(method, path, body, token));
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
