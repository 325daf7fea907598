import type { IncomingMessage } from "node:http";

/**
 * The exact bytes of each parsed request body, for providers that sign them (WhatsApp's X-Hub-Signature-256 is
 * an HMAC over the raw payload; re-serialised JSON would not match it). Kept beside the request rather than on
 * it, so no request type is widened.
 */
const rawBodies = new WeakMap<IncomingMessage, Buffer>();

/** The body parsers' `verify` hook: remembers the bytes it is about to parse. */
export const keepRawBody = (req: IncomingMessage, _res: unknown, body: Buffer): void => {
  rawBodies.set(req, body);
};

/** The bytes the body was parsed from; empty when the request had none. */
export const rawBodyOf = (req: IncomingMessage): Buffer => rawBodies.get(req) ?? Buffer.alloc(0);
