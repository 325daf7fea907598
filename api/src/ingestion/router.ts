import express, { type Request, type Router } from "express";
import type { ApiContext } from "../context.js";
import { hasWriteKey, writeKeyAuth } from "../auth.js";
import { clientKey, limiter } from "../http/rate-limits.js";
import { AppError, issuePath, validationError, zodIssues, type FieldIssue } from "../errors.js";
import { findForbidden } from "../schemas/common.js";
import { normalise, type Normalised } from "./normalise.js";
import {
  BatchCall,
  CALLS,
  CALL_TYPES,
  MAX_BATCH_BYTES,
  MAX_EVENT_BYTES,
  type Call,
  type CallType,
  type IngestResult,
} from "./schemas.js";
import { storeEvents } from "./ingest.js";

type Parsed = { ok: true; call: Call } | { ok: false; issues: FieldIssue[]; code: string };

/** Validates one call of a known type; keys with "." or "$" anywhere are refused with their path. */
export const parseCall = (type: CallType, raw: unknown, prefix: string): Parsed => {
  if (typeof raw === "object" && raw !== null) {
    const forbidden = findForbidden(raw, [], 0);
    if (forbidden)
      return {
        ok: false,
        code: "invalid_event",
        issues: [
          {
            path: issuePath(prefix, forbidden.path),
            code: "forbidden_key",
            message: forbidden.message,
          },
        ],
      };
  }
  const result = CALLS[type].safeParse(raw);
  if (!result.success)
    return { ok: false, code: "invalid_event", issues: zodIssues(result.error, prefix) };
  return { ok: true, call: { ...result.data, type } as Call }; // why: `type` is the schema the data was parsed with
};

const isCallType = (t: unknown): t is CallType =>
  typeof t === "string" && (CALL_TYPES as string[]).includes(t);

/** The Segment-compatible tracking API: `/v1/{track,identify,alias,page,screen,group,batch}`. */
export const ingestionRouter = (ctx: ApiContext): Router => {
  const router = express.Router();
  router.post(
    "/batch",
    express.json({ limit: MAX_BATCH_BYTES, type: ["application/json", "text/plain"] }),
  );
  router.post(
    "/:type",
    express.json({ limit: MAX_EVENT_BYTES, type: ["application/json", "text/plain"] }),
  );
  // After the body parsers, so a key in the body counts as much as one in the Basic user name.
  const validKey = (req: Request) => hasWriteKey(req, ctx.config.writeKey, ctx.db);
  router.use(
    limiter({
      limit: ctx.config.rateLimits.ingestion,
      key: () => "valid-write-key",
      skip: async (req) => !(await validKey(req)),
      what: "ingestion requests",
    }),
    limiter({
      limit: ctx.config.rateLimits.invalidWriteKey,
      key: clientKey,
      skip: validKey,
      what: "requests with a missing or wrong write key",
    }),
  );
  router.use(writeKeyAuth(ctx.config.writeKey, ctx.db));

  const respond = async (
    items: Normalised[],
    errors: IngestResult["errors"],
  ): Promise<IngestResult> => {
    const { stored, duplicates } = await storeEvents(
      ctx.db,
      items,
      "ingestion",
      await ctx.fanout.counterFilters(),
    );
    ctx.fanout.kick(stored);
    return { success: errors.length === 0, stored: stored.length, duplicates, errors };
  };

  router.post("/batch", async (req, res) => {
    const parsed = BatchCall.safeParse(req.body);
    if (!parsed.success) throw validationError(zodIssues(parsed.error, "body"));
    const receivedAt = new Date();
    const items: Normalised[] = [];
    const errors: IngestResult["errors"] = [];
    parsed.data.batch.forEach((raw, index) => {
      const prefix = `body.batch.${index}`;
      const fail = (code: string, message: string, fields: string[]) =>
        errors.push({ index, code, message, fields });
      if (Buffer.byteLength(JSON.stringify(raw)) > MAX_EVENT_BYTES)
        return fail("event_too_large", `Event larger than ${MAX_EVENT_BYTES} bytes`, [prefix]);
      if (!isCallType(raw.type))
        return fail("invalid_event", `type must be one of ${CALL_TYPES.join(", ")}`, [
          `${prefix}.type`,
        ]);
      // Batch-level context applies to events that carry none, as Segment does.
      const withContext =
        raw.context === undefined && parsed.data.context
          ? { ...raw, context: parsed.data.context }
          : raw;
      const one = parseCall(raw.type, withContext, prefix);
      if (!one.ok)
        return fail(
          one.code,
          one.issues.map((i) => `${i.path}: ${i.message}`).join("; "),
          one.issues.map((i) => i.path),
        );
      items.push(normalise(one.call, parsed.data.sentAt, receivedAt));
    });
    if (items.length === 0) {
      throw new AppError(400, "invalid_batch", "No event in the batch is valid", {
        fields: errors.flatMap((e) => e.fields),
        events: errors,
      });
    }
    res.status(200).json(await respond(items, errors));
  });

  router.post("/:type", async (req, res) => {
    const type = req.params.type;
    if (!isCallType(type))
      throw new AppError(404, "not_found", `Unknown call type '${String(type)}'`, {
        fields: ["params.type"],
      });
    const body: unknown = req.body;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new AppError(400, "invalid_request", "The body must be a JSON object", {
        fields: ["body"],
      });
    }
    const one = parseCall(type, body, "body");
    if (!one.ok) throw validationError(one.issues);
    res.status(200).json(await respond([normalise(one.call, undefined, new Date())], []));
  });
  return router;
};
