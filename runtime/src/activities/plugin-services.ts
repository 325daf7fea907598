/** The `run` services that reach outside the product: HTTP behind the outbound guard, and workspace secrets. */
import type { NodeServices } from "@omnijourney/shared";
import { guardedFetch } from "../net/outbound-guard.js";
import type { RuntimeStore } from "./store.js";

export type HttpServiceLimits = {
  /** Whole request, headers to last body byte. */
  timeoutMs: number;
  /** Largest response body read; a larger one fails the call. */
  maxResponseBytes: number;
};

export const DEFAULT_HTTP_LIMITS: HttpServiceLimits = {
  timeoutMs: 10_000,
  maxResponseBytes: 5 * 1024 * 1024,
};

/** Reads a body up to the cap, cancelling the stream as soon as it passes it. */
async function readCapped(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) throw new Error(`response from ${url} exceeds ${maxBytes} bytes`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new Error(`response from ${url} exceeds ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** `services.http`: fetch behind the guard, bounded in time and size; resolves to a fully read Response. */
export function createHttpService(
  limits: HttpServiceLimits = DEFAULT_HTTP_LIMITS,
): NodeServices["http"] {
  return async (url, init = {}) => {
    const signal = AbortSignal.timeout(limits.timeoutMs);
    const response = await guardedFetch(url, { ...init, signal });
    const body = await readCapped(response, limits.maxResponseBytes, url);
    const empty = response.status === 204 || response.status === 304;
    return new Response(empty ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/**
 * `services.secrets`: the workspace settings' `secrets` map, read from the database when asked (one indexed
 * read, past the settings cache), so a rotated secret applies at once.
 */
export const secretsService = (store: RuntimeStore): NodeServices["secrets"] => ({
  get: async (name) => (await store.getSettings({ fresh: true })).secrets[name] ?? null,
});
