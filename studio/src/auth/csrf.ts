// The session's CSRF token, from /api/me: kept in memory only (a reload asks /api/me again).
let csrfToken: string | null = null;

export function getCsrfToken(): string | null {
  return csrfToken;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
