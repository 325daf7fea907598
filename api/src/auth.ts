import type { Request, RequestHandler } from "express";
import { Role, roleAllows } from "@omnijourney/shared";
import {
  findActiveApiKey,
  findLiveSession,
  findUserById,
  type Collections,
  type UserRecord,
} from "@omnijourney/store";
import { AppError } from "./errors.js";
import { sameSecret, secretHash } from "./services/credentials.js";
import { sessionCookieOf } from "./http/session-cookie.js";

/** Who a request acts as: the admin token, a signed-in user (session cookie) or a bearer API key. */
export type Principal = {
  via: "admin_token" | "session" | "api_key";
  role: Role;
  /** How the audit log names them. */
  name: string;
  /** The user's or key's id; absent for the admin token. */
  id?: string;
  user?: UserRecord;
  /** The session's CSRF token (sessions only). */
  csrfToken?: string;
  /** The session's stored id (its cookie's hash), for signing out. */
  sessionId?: string;
};

const principals = new WeakMap<Request, Principal>();

const bearerOf = (req: Request): string | undefined =>
  /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1]?.trim();

/** Whether the request carries the admin token (what the failed-auth limit lets through uncounted). */
export const hasAdminToken = (req: Request, token: string): boolean => {
  const given = bearerOf(req);
  return given !== undefined && sameSecret(given, token);
};

/** The principal `authenticate` resolved for this request (throws when the route was not authenticated). */
export const principalOf = (req: Request): Principal => {
  const principal = principals.get(req);
  if (!principal) throw new AppError(401, "unauthorized", "Sign in first");
  return principal;
};

/** Who a request acts as, for the audit log. */
export const actorOf = (req: Request): { actor: string; actorId?: string } => {
  const p = principalOf(req);
  return { actor: p.name, ...(p.id ? { actorId: p.id } : {}) };
};

const unauthorized = (message: string) =>
  new AppError(401, "unauthorized", message, { fields: ["headers.authorization"] });

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A session is a cookie the browser sends by itself, so an unsafe request must also prove it comes from the
 * studio: the session's CSRF token repeated in `x-csrf-token` (a page on another site cannot read it), and an
 * Origin, when the browser sends one, equal to the API's own.
 */
const checkCsrf = (req: Request, csrfToken: string): void => {
  if (!UNSAFE.has(req.method)) return;
  const origin = req.headers.origin;
  const own = `${req.protocol}://${req.headers.host ?? ""}`;
  const given = req.headers["x-csrf-token"];
  if (
    (origin !== undefined && origin !== own) ||
    typeof given !== "string" ||
    !sameSecret(given, csrfToken)
  )
    throw new AppError(
      403,
      "csrf_failed",
      "This request did not come from the studio; reload the page",
      {
        fields: ["headers.x-csrf-token"],
      },
    );
};

const fromSession = async (db: Collections, req: Request, cookie: string): Promise<Principal> => {
  const sessionId = secretHash(cookie);
  const session = await findLiveSession(db, sessionId);
  const user = session ? await findUserById(db, session.userId) : null;
  if (!session || !user) throw unauthorized("Your session has ended; sign in again");
  checkCsrf(req, session.csrfToken);
  return {
    via: "session",
    role: user.role,
    name: `${user.name} <${user.email}>`,
    id: user._id,
    user,
    csrfToken: session.csrfToken,
    sessionId,
  };
};

/** Resolves the request's credentials; a missing or wrong one is a 401, a write key on /api as well. */
const resolve = async (db: Collections, adminToken: string, req: Request): Promise<Principal> => {
  const header = req.headers.authorization;
  if (header !== undefined) {
    if (/^Basic\s/i.test(header))
      throw unauthorized("A write key only sends events to /v1; use a bearer token for /api");
    const given = bearerOf(req);
    if (!given) throw unauthorized("Missing bearer token");
    if (sameSecret(given, adminToken)) return { via: "admin_token", role: "admin", name: "admin" };
    const key = await findActiveApiKey(db, secretHash(given), "bearer");
    if (!key?.role) throw unauthorized("Invalid bearer token");
    return { via: "api_key", role: key.role, name: `API key "${key.name}"`, id: key._id };
  }
  const cookie = sessionCookieOf(req);
  if (cookie) return fromSession(db, req, cookie);
  throw unauthorized("Missing bearer token");
};

/**
 * Authenticates everything under /api except the paths that sign people in (`open`, "METHOD /path"); the
 * role each endpoint needs is checked by `mount` against the principal resolved here.
 */
export const authenticate =
  (db: Collections, adminToken: string, open: ReadonlySet<string>): RequestHandler =>
  async (req, _res, next) => {
    if (open.has(`${req.method} ${req.path}`)) return next();
    principals.set(req, await resolve(db, adminToken, req));
    next();
  };

/** 403 unless the request's principal holds `needed` (or a role above it). */
export const requireRole = (req: Request, needed: Role): void => {
  const principal = principalOf(req);
  if (!roleAllows(principal.role, needed))
    throw new AppError(
      403,
      "forbidden",
      `This needs the ${needed} role; you are a ${principal.role}`,
      {
        needed,
        role: principal.role,
      },
    );
};

/** Segment's scheme: HTTP Basic with the write key as user name and an empty password, or `writeKey` in the body. */
export const writeKeyFrom = (
  authorization: string | undefined,
  bodyKey: unknown,
): string | null => {
  const match = /^Basic\s+(.+)$/i.exec(authorization ?? "");
  if (match?.[1]) {
    const decoded = Buffer.from(match[1].trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon === -1 ? decoded : decoded.slice(0, colon);
  }
  return typeof bodyKey === "string" ? bodyKey : null;
};

/** The write key a parsed ingestion request carries, in the Basic user name or the body; null when none. */
const givenWriteKey = (req: Request): string | null => {
  const body: unknown = req.body;
  const bodyKey =
    typeof body === "object" && body !== null && "writeKey" in body ? body.writeKey : undefined;
  return writeKeyFrom(req.headers.authorization, bodyKey);
};

/**
 * Whether a parsed ingestion request carries a valid write key: the environment's, or an unrevoked one
 * created in the studio (looked up by hash on every request, so a revocation holds at once).
 */
export const hasWriteKey = (req: Request, writeKey: string, db: Collections): Promise<boolean> => {
  let answer = writeKeyChecks.get(req);
  if (!answer) {
    answer = checkWriteKey(givenWriteKey(req), writeKey, db);
    writeKeyChecks.set(req, answer);
  }
  return answer;
};

// The rate limiters and the auth check ask the same question of one request: the store is asked once.
const writeKeyChecks = new WeakMap<Request, Promise<boolean>>();

const checkWriteKey = async (
  given: string | null,
  writeKey: string,
  db: Collections,
): Promise<boolean> => {
  if (given === null) return false;
  if (sameSecret(given, writeKey)) return true;
  return (
    given.startsWith("ojw_") && (await findActiveApiKey(db, secretHash(given), "write")) !== null
  );
};

export const writeKeyAuth =
  (writeKey: string, db: Collections): RequestHandler =>
  async (req, _res, next) => {
    if (givenWriteKey(req) === null)
      throw new AppError(401, "unauthorized", "Missing write key (HTTP Basic user name)", {
        fields: ["headers.authorization"],
      });
    if (!(await hasWriteKey(req, writeKey, db)))
      throw new AppError(401, "unauthorized", "Invalid write key", {
        fields: ["headers.authorization"],
      });
    next();
  };
