import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** Compares two secrets in constant time (for their length). */
export const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** A 256-bit random token, URL-safe, with a readable prefix (`ojb_` bearer key, `ojw_` write key, …). */
export const newSecret = (prefix: string): string =>
  `${prefix}${randomBytes(32).toString("base64url")}`;

/**
 * The stored form of a high-entropy secret (API keys, sessions, one-time links): sha256 is enough, since a
 * 256-bit random value cannot be guessed from its hash (decision 0014); passwords get argon2id instead.
 */
export const secretHash = (secret: string): string =>
  createHash("sha256").update(secret).digest("hex");

/** Passwords: argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes), as a PHC string. */
export const hashPassword = (password: string): Promise<string> => hash(password);

export const passwordMatches = async (stored: string, password: string): Promise<boolean> => {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
};

/**
 * A hash to verify against when the email is unknown, so an unknown address takes as long as a wrong
 * password (no user enumeration by timing).
 */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hash(randomBytes(16).toString("hex")));
