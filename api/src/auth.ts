import { timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { AppError } from "./errors.js";

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Whether the request carries the admin token (what the sign-in limit lets through uncounted). */
export const hasAdminToken = (req: Request, token: string): boolean => {
  const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  return given !== undefined && sameSecret(given.trim(), token);
};

/** Who a request acts as, for the audit log: "admin" for the admin token (the one credential before user accounts). */
export const actorOf = (req: Request, token: string): string =>
  hasAdminToken(req, token) ? "admin" : "unknown";

/** `Authorization: Bearer <admin token>` on everything under /api. */
export const bearerAuth =
  (token: string): RequestHandler =>
  (req, _res, next) => {
    const header = req.headers.authorization ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match?.[1])
      throw new AppError(401, "unauthorized", "Missing bearer token", {
        fields: ["headers.authorization"],
      });
    if (!sameSecret(match[1].trim(), token))
      throw new AppError(401, "unauthorized", "Invalid bearer token", {
        fields: ["headers.authorization"],
      });
    next();
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

/** Whether a parsed ingestion request carries the right write key. */
export const hasWriteKey = (req: Request, writeKey: string): boolean => {
  const given = givenWriteKey(req);
  return given !== null && sameSecret(given, writeKey);
};

export const writeKeyAuth =
  (writeKey: string): RequestHandler =>
  (req, _res, next) => {
    const given = givenWriteKey(req);
    if (given === null)
      throw new AppError(401, "unauthorized", "Missing write key (HTTP Basic user name)", {
        fields: ["headers.authorization"],
      });
    if (!sameSecret(given, writeKey))
      throw new AppError(401, "unauthorized", "Invalid write key", {
        fields: ["headers.authorization"],
      });
    next();
  };
