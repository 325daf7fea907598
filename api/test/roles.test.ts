// Every /api route, read from the served OpenAPI document, tried with no credentials, a wrong token, the write
// key, a bearer key of each role and the admin token: each answers exactly as its declared role (`x-role`) says.
// A route added without a role does not compile (Endpoint.role is required) and would fail here too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, roleAllows } from "@omnijourney/shared";
import { ADMIN_TOKEN, startTestApi, WRITE_KEY, type TestApi } from "./helpers/api.js";

let t: TestApi;
const keys: Partial<Record<Role, string>> = {};

type Operation = { method: string; path: string; role: string };

beforeAll(async () => {
  t = await startTestApi("roles");
  for (const role of Role.options) {
    const res = await t.api("/api/api-keys", {
      body: { name: `${role} key`, kind: "bearer", role },
    });
    expect(res.status).toBe(201);
    keys[role] = ((await res.json()) as { key: string }).key; // why: the CreatedApiKey body
  }
}, 120_000);
afterAll(async () => t?.close());

const operations = async (): Promise<Operation[]> => {
  const res = await fetch(`${t.url}/api/openapi.json`);
  const doc = (await res.json()) as {
    paths: Record<string, Record<string, { "x-role"?: string }>>;
  }; // why: the served document
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith("/api/"))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path: path.replace(/\{[^}]+\}/g, "x"),
        role: op["x-role"] ?? "(none)",
      })),
    );
};

const call = (op: Operation, authorization?: string) =>
  fetch(`${t.url}${op.path}`, {
    method: op.method,
    headers: {
      ...(authorization ? { authorization } : {}),
      ...(op.method === "GET" || op.method === "DELETE"
        ? {}
        : { "content-type": "application/json" }),
    },
    ...(op.method === "GET" || op.method === "DELETE" ? {} : { body: "{}" }),
  });

describe("the role table", () => {
  it("declares a role on every /api operation of the document", async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(40);
    for (const op of ops)
      expect(["public", ...Role.options], `${op.method} ${op.path}`).toContain(op.role);
  });

  it("answers every route exactly as its declared role says, for every kind of credential", async () => {
    const ops = await operations();
    const writeKey = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}`;
    const wrong: string[] = [];
    for (const op of ops) {
      const what = `${op.method} ${op.path} (${op.role})`;
      if (op.role === "public") {
        const res = await call(op);
        if ([401, 403].includes(res.status)) wrong.push(`${what} anonymous: ${res.status}`);
        continue;
      }
      for (const [label, auth] of [
        ["no credentials", undefined],
        ["a wrong token", "Bearer not-a-token"],
        ["the write key", writeKey],
      ] as const) {
        const res = await call(op, auth);
        if (res.status !== 401) wrong.push(`${what} with ${label}: ${res.status}, expected 401`);
      }
      for (const role of Role.options) {
        const res = await call(op, `Bearer ${keys[role]}`);
        const allowed = roleAllows(role, Role.parse(op.role));
        const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } }; // why: any answer
        if (allowed && [401, 403].includes(res.status))
          wrong.push(`${what} as ${role}: ${res.status}, expected to be let through`);
        if (!allowed && (res.status !== 403 || body.error?.code !== "forbidden"))
          wrong.push(`${what} as ${role}: ${res.status}, expected 403 forbidden`);
      }
      const admin = await call(op, `Bearer ${ADMIN_TOKEN}`);
      if ([401, 403].includes(admin.status))
        wrong.push(`${what} with the admin token: ${admin.status}`);
    }
    expect(wrong).toEqual([]);
  }, 600_000);
});
