import type { Request, Response } from "express";

/** The studio's session cookie: HttpOnly (no script reads it), SameSite=Lax, the whole origin. */
export const SESSION_COOKIE = "oj_session";
/** Sessions last a working week; signing out or a password reset ends them earlier. */
export const SESSION_MS = 7 * 24 * 3600_000;

/** The session cookie's value, or undefined (no cookie-parser: one cookie is read). */
export const sessionCookieOf = (req: Request): string | undefined => {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return value === "" ? undefined : decodeURIComponent(value);
    }
  }
  return undefined;
};

const attributes = (secure: boolean, maxAgeSeconds: number): string =>
  `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;

export const setSessionCookie = (res: Response, value: string, secure: boolean): void => {
  res.append(
    "set-cookie",
    `${SESSION_COOKIE}=${encodeURIComponent(value)}; ${attributes(secure, SESSION_MS / 1000)}`,
  );
};

export const clearSessionCookie = (res: Response, secure: boolean): void => {
  res.append("set-cookie", `${SESSION_COOKIE}=; ${attributes(secure, 0)}`);
};
