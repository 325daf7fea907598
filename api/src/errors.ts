import type { ErrorRequestHandler, RequestHandler } from "express";
import { ZodError, type core } from "zod";
import type { ErrorEnvelope } from "@omnijourney/shared";
import { isTransient } from "@omnijourney/store";

/** An error the API means to show the caller; anything else becomes a 500 without internals. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string, id?: string): AppError =>
  new AppError(
    404,
    "not_found",
    id === undefined ? `${what} not found` : `${what} '${id}' not found`,
    id === undefined ? {} : { id },
  );

export type FieldIssue = { path: string; code: string; message: string };

/** Dotted path of a zod issue, prefixed with the request part (`body.traits.email`). */
export const issuePath = (prefix: string, path: readonly PropertyKey[]): string =>
  [prefix, ...path.map((p) => String(p))].filter((p) => p !== "").join(".");

export const zodIssues = (error: ZodError, prefix: string): FieldIssue[] =>
  flattenIssues(error.issues, prefix);

const flattenIssues = (issues: readonly core.$ZodIssue[], prefix: string): FieldIssue[] =>
  issues.flatMap((issue) => {
    const path = issuePath(prefix, issue.path);
    // A union reports one issue for the whole value; surface the closest branch's issues so the field is named.
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0] ?? [];
      const nested = flattenIssues(best, path);
      if (nested.length > 0) return nested;
    }
    return [{ path, code: issue.code, message: issue.message }];
  });

const depth = (issues: readonly core.$ZodIssue[]): number =>
  Math.max(0, ...issues.map((i) => i.path.length));

export const validationError = (issues: FieldIssue[]): AppError => {
  const shown = issues.slice(0, 5).map((i) => `${i.path || "(root)"}: ${i.message}`);
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
  return new AppError(400, "invalid_request", `Invalid request: ${shown.join("; ")}${more}`, {
    fields: [...new Set(issues.map((i) => i.path))],
    issues,
  });
};

export const errorBody = (
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): ErrorEnvelope => ({
  error: { code, message, details },
});

/** Errors thrown by body-parser carry an HTTP status and a type; they are the caller's fault. */
type ParserError = {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  expose?: unknown;
  message?: unknown;
};

const parserError = (err: unknown): AppError | null => {
  if (typeof err !== "object" || err === null) return null;
  const e: ParserError = err;
  const status =
    typeof e.status === "number"
      ? e.status
      : typeof e.statusCode === "number"
        ? e.statusCode
        : null;
  if (status === null || status < 400 || status >= 500) return null;
  switch (e.type) {
    case "entity.parse.failed":
      return new AppError(400, "malformed_json", "The request body is not valid JSON", {
        fields: ["body"],
      });
    case "entity.too.large":
      return new AppError(413, "payload_too_large", "The request body is too large", {
        fields: ["body"],
      });
    case "encoding.unsupported":
    case "charset.unsupported":
      return new AppError(
        415,
        "unsupported_encoding",
        "The request body encoding is not supported",
        { fields: ["body"] },
      );
    default:
      return new AppError(
        status,
        "bad_request",
        typeof e.message === "string" && e.expose === true ? e.message : "Bad request",
        {},
      );
  }
};

export const toAppError = (err: unknown): AppError | null => {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return validationError(zodIssues(err, ""));
  return parserError(err);
};

/** The one result handler: known errors keep their status; anything else is a 500 logged with the request id. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  // Answered already (the request deadline's 503): the handler's late outcome is only logged.
  if (res.headersSent) {
    req.log?.warn({ err }, "outcome after the response was sent");
    return;
  }
  const known = toAppError(err);
  if (known) {
    if (known.status >= 500) req.log?.error({ err }, known.message);
    res.status(known.status).json(errorBody(known.code, known.message, known.details));
    return;
  }
  if (isTransient(err)) {
    // The engine is busy: the caller should retry (Segment clients do on 503), nothing was acknowledged.
    req.log?.warn({ err }, "transient database error");
    res.setHeader("retry-after", "1");
    res.status(503).json(
      errorBody("unavailable", "The database is busy; retry shortly", {
        requestId: String(req.id ?? ""),
      }),
    );
    return;
  }
  req.log?.error({ err }, "unhandled error");
  res
    .status(500)
    .json(errorBody("internal", "Internal error", { requestId: String(req.id ?? "") }));
};

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(errorBody("not_found", `No route for ${req.method} ${req.path}`));
};
