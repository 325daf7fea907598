import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * The Content-Security-Policy of every response (the built studio, the docs page, the unsubscribe page, JSON).
 * Scripts, the only way in for injected markup, come from our own origin and nowhere else: no inline script, no
 * `eval`, no event-handler attributes. Styles allow inline because message previews render the email's own HTML
 * in a sandboxed `srcdoc` iframe, which inherits this policy, and emails are styled inline; the docs and
 * unsubscribe pages carry one `<style>` element each. Images allow `https:` and `data:` for the same previews (an
 * email's remote and embedded images); the studio itself loads nothing but its own files.
 */
export const CONTENT_SECURITY_POLICY = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "https:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  // The previews' `srcdoc` documents are not fetched, so frame-src does not govern them; nothing else is framed.
  "frame-src": ["'none'"],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
} as const;

/**
 * helmet's headers with our policy: no framing (`frame-ancestors 'none'` and `X-Frame-Options: DENY`), `nosniff`,
 * `Referrer-Policy: no-referrer` (a click redirect or unsubscribe URL carries a token, never worth leaking). `upgrade-insecure-requests` is left out: the stack serves plain HTTP on
 * loopback, where it would break every request; behind a TLS proxy, HSTS does that job.
 */
export const securityHeaders = (): RequestHandler =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
  });

/**
 * Tracking pixels are loaded by webmail on other origins as no-cors images, which helmet's
 * `Cross-Origin-Resource-Policy: same-origin` would block; these responses are meant to be embedded anywhere.
 */
export const embeddableAnywhere: RequestHandler = (_req, res, next) => {
  res.setHeader("cross-origin-resource-policy", "cross-origin");
  next();
};
