import fc from "fast-check";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiEndpoints, publicEndpoints } from "../src/routes/index.js";
import { CALLS } from "../src/ingestion/schemas.js";
import type { Endpoint } from "../src/http/endpoint.js";
import { ADMIN_TOKEN, WRITE_KEY, startTestApi, type TestApi } from "./helpers/api.js";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("badinput");
});
afterAll(async () => {
  await t?.close();
});

type Route = {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  schema: Record<string, unknown> | null;
};

const basic = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}`;
const concrete = (path: string) => path.replace(/:(\w+)/g, "x1");
const jsonSchema = (s: z.ZodType) =>
  z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;

const routes: Route[] = [
  ...apiEndpoints
    .filter((e) => e.body)
    .map((e: Endpoint) => ({
      name: `${e.method.toUpperCase()} /api${e.path}`,
      method: e.method.toUpperCase(),
      path: `/api${concrete(e.path)}`,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      schema: e.body ? jsonSchema(e.body) : null,
    })),
  ...publicEndpoints
    .filter((e) => e.body)
    .map((e: Endpoint) => ({
      name: `${e.method.toUpperCase()} ${e.path}`,
      method: e.method.toUpperCase(),
      path: concrete(e.path),
      headers: {},
      schema: e.body ? jsonSchema(e.body) : null,
    })),
  ...Object.entries(CALLS).map(([type, schema]) => ({
    name: `POST /v1/${type}`,
    method: "POST",
    path: `/v1/${type}`,
    headers: { authorization: basic },
    schema: jsonSchema(schema),
  })),
  {
    name: "POST /v1/batch",
    method: "POST",
    path: "/v1/batch",
    headers: { authorization: basic },
    schema: { type: "object", required: ["batch"], properties: { batch: { type: "array" } } },
  },
];

const send = (r: Route, body: string, contentType = "application/json") =>
  fetch(`${t.url}${r.path}`, {
    method: r.method,
    headers: { ...r.headers, "content-type": contentType },
    body,
  });

type ErrorJson = { error: { code: string; message: string; details: { fields?: string[] } } };
const errorOf = async (res: Response): Promise<ErrorJson> => {
  const body = (await res.json()) as ErrorJson;
  expect(body).toHaveProperty("error.code");
  expect(body).toHaveProperty("error.message");
  expect(body).toHaveProperty("error.details");
  return body;
};

const props = (schema: Record<string, unknown> | null) =>
  Object.entries((schema?.properties ?? {}) as Record<string, Record<string, unknown>>);
const wrongValueFor = (s: Record<string, unknown>): unknown => {
  const type = s.type;
  if (type === "string" || s.anyOf) return { nested: [] };
  if (type === "number" || type === "integer" || type === "boolean") return "not-a-value";
  if (type === "object" || type === "array") return true;
  return undefined;
};

describe.each(routes)("$name", (r) => {
  it("answers malformed JSON with 400 malformed_json", async () => {
    const res = await send(r, '{"a": ');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error.code).toBe("malformed_json");
  });

  it("answers an oversized body with 413", async () => {
    const res = await send(r, JSON.stringify({ filler: "z".repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect((await errorOf(res)).error.code).toBe("payload_too_large");
  });

  it("names the missing required fields", async () => {
    const required = (r.schema?.required ?? []) as string[];
    if (required.length === 0) return;
    const res = await send(r, "{}");
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const err = await errorOf(res);
    for (const field of required)
      expect(err.error.details.fields?.some((f) => f.startsWith(`body.${field}`))).toBe(true);
  });

  it("names each field given a wrong type", async () => {
    for (const [name, s] of props(r.schema)) {
      const wrong = wrongValueFor(s);
      if (wrong === undefined) continue;
      const res = await send(r, JSON.stringify({ [name]: wrong }));
      expect(res.status, `${name}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${name}`).toBeLessThan(500);
      const err = await errorOf(res);
      expect(
        err.error.details.fields?.some((f) => f.startsWith(`body.${name}`)),
        `${name}: ${JSON.stringify(err)}`,
      ).toBe(true);
    }
  });

  it("refuses operator objects and keys with '.' or '$' in every field, naming it", async () => {
    for (const [name] of props(r.schema)) {
      for (const value of [{ $gt: "" }, { "a.b": 1 }, { $where: "1" }]) {
        const res = await send(r, JSON.stringify({ [name]: value }));
        expect(res.status, `${name}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${name}`).toBeLessThan(500);
        const err = await errorOf(res);
        expect(
          err.error.details.fields?.some((f) => f.startsWith(`body.${name}`)),
          `${name}: ${JSON.stringify(err)}`,
        ).toBe(true);
      }
    }
    const top = await send(r, JSON.stringify({ $gt: "" }));
    expect(top.status).toBeGreaterThanOrEqual(400);
    expect(top.status).toBeLessThan(500);
  });
});

describe("no input yields a 5xx", () => {
  const jsonValue = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.string(),
      // Text MongoDB cannot store: a NUL, unpaired surrogates.
      fc.constantFrom("a\u0000b", "sur\ud800", "\udc00"),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(
        fc.oneof(
          fc.string(),
          fc.constantFrom(
            "$gt",
            "$ne",
            "a.b",
            "__proto__",
            "constructor",
            "type",
            "event",
            "userId",
            "name",
            "nul\u0000key",
            "sur\ud800key",
          ),
        ),
        tie("value"),
        { maxKeys: 5 },
      ),
    ),
  })).value;

  it("fuzzes every route with arbitrary JSON bodies and path ids (fast-check)", async () => {
    const all = [
      ...apiEndpoints.map((e) => ({
        method: e.method.toUpperCase(),
        path: `/api${e.path}`,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      })),
      ...publicEndpoints.map((e) => ({
        method: e.method.toUpperCase(),
        path: e.path,
        headers: {} as Record<string, string>,
      })),
      ...[...Object.keys(CALLS), "batch"].map((c) => ({
        method: "POST",
        path: `/v1/${c}`,
        headers: { authorization: basic },
      })),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all),
        fc.oneof(jsonValue, fc.record({ batch: fc.array(jsonValue, { maxLength: 3 }) })),
        fc.string({ maxLength: 30 }),
        async (ep, body, id) => {
          const path = ep.path.replace(/:(\w+)/g, () => encodeURIComponent(id || "x"));
          const hasBody = ep.method !== "GET" && ep.method !== "DELETE";
          const res = await fetch(`${t.url}${path}`, {
            method: ep.method,
            headers: { ...ep.headers, ...(hasBody ? { "content-type": "application/json" } : {}) },
            ...(hasBody ? { body: JSON.stringify(body) } : {}),
          });
          await res.arrayBuffer();
          expect(
            res.status,
            `${ep.method} ${path} ${JSON.stringify(body).slice(0, 300)}`,
          ).toBeLessThan(500);
        },
      ),
      { numRuns: 600 },
    );
  }, 240_000);

  it("fuzzes query strings of the list routes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          "/api/profiles",
          "/api/messages",
          "/api/journeys",
          "/api/analytics/overview",
          "/t/c/x1",
          "/webhooks/whatsapp",
        ),
        fc.dictionary(
          fc.oneof(
            fc.string({ maxLength: 12 }),
            fc.constantFrom("cursor", "limit", "query", "query[$gt]", "url", "channel", "hub.mode"),
          ),
          fc.string({ maxLength: 20 }),
          { maxKeys: 4 },
        ),
        async (path, query) => {
          const qs = new URLSearchParams(query).toString();
          const res = await fetch(`${t.url}${path}?${qs}`, {
            headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
          });
          await res.arrayBuffer();
          expect(res.status, `${path}?${qs}`).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
