import type { Request, Response, Router } from "express";
import { z } from "zod";
import { issuePath, validationError, zodIssues, type FieldIssue } from "../errors.js";
import { findForbidden } from "../schemas/common.js";
import type { ApiContext } from "../context.js";
import type { Role } from "@omnijourney/shared";
import { requireRole } from "../auth.js";

export type Method = "get" | "post" | "put" | "patch" | "delete";

type Input<P, Q, B> = { params: P; query: Q; body: B };
type HandlerContext = { req: Request; res: Response; app: ApiContext };

/**
 * One endpoint: path, auth, input schemas, response schema and handler. The same declaration mounts the
 * Express route and produces its OpenAPI operation, so the document cannot drift from what is enforced.
 */
export type Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> = {
  method: Method;
  path: string;
  summary: string;
  /** Only where the one derived from method and path would clash (the same path under two prefixes). */
  operationId?: string;
  tags: string[];
  auth: "bearer" | "writeKey" | "none";
  /**
   * The least role that may call it (roles include the ones below them: viewer < editor < publisher < admin);
   * "public" for what answers without signing in (sign-in itself, health, tracking, webhooks). Required, so a
   * new route cannot forget it; the role table test tries every route against every role.
   */
  role: Role | "public";
  params?: P;
  query?: Q;
  body?: B;
  response?: z.ZodType;
  status?: number;
  /** Other content than JSON (redirects, images, HTML); documented by description only. */
  raw?: { contentType: string; description: string };
  handler: (
    input: Input<z.output<P>, z.output<Q>, z.output<B>>,
    ctx: HandlerContext,
  ) => Promise<unknown>;
};

export const endpoint = <
  P extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
>(
  def: Endpoint<P, Q, B>,
): Endpoint => def as unknown as Endpoint; // why: erase the precise input types once the handler is checked against them

const parsePart = (
  schema: z.ZodType | undefined,
  value: unknown,
  prefix: string,
  issues: FieldIssue[],
): unknown => {
  if (!schema) return value;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  issues.push(...zodIssues(result.error, prefix));
  return undefined;
};

/** Mount endpoints on a router; input is parsed at the edge and the handler's result is sent as JSON. */
export const mount = (router: Router, endpoints: Endpoint[], app: ApiContext): void => {
  for (const ep of endpoints) {
    router[ep.method](ep.path, async (req, res) => {
      if (ep.role !== "public") requireRole(req, ep.role);
      const issues: FieldIssue[] = [];
      // Keys with "." or "$" are refused before any schema sees the body (a schema could strip them silently).
      const forbidden = ep.body ? findForbidden(req.body, [], 0) : null;
      if (forbidden)
        issues.push({
          path: issuePath("body", forbidden.path),
          code: "forbidden_key",
          message: forbidden.message,
        });
      const params = parsePart(ep.params, req.params, "params", issues);
      const query = parsePart(ep.query, req.query, "query", issues);
      const body = parsePart(ep.body, ep.body ? req.body : undefined, "body", issues);
      if (issues.length > 0) throw validationError(issues);
      const result = await ep.handler({ params, query, body }, { req, res, app });
      if (ep.raw || res.headersSent) return;
      if (result === undefined) {
        res.status(res.statusCode === 200 ? (ep.status ?? 204) : res.statusCode).end();
        return;
      }
      // A handler may have chosen another status (e.g. 503 from /health); the declared one is the default.
      if (res.statusCode === 200) res.status(ep.status ?? 200);
      res.json(result);
    });
  }
};
