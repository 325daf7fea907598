// People in the workspace: invitations, email-and-password sign-in with a session cookie, CSRF protection, sign
// out, password reset by link, the sign-in rate limit, and no password or link token in the store or the logs.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@omnijourney/runtime";
import { startTestApi, type TestApi } from "./helpers/api.js";
import { invite, memberFrom, sessionCookie, tokenOf } from "./helpers/team.js";
import { json } from "./helpers/json.js";

const PASSWORD = "Pa55word-never-in-clear";
const written: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    written.push(chunk.toString());
    done();
  },
});

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("teams", {
    logger: createLogger({ name: "omnijourney-api", level: "debug" }, sink),
    rateLimits: { signIn: 3 },
    trustProxy: "loopback",
  });
});
afterAll(async () => t?.close());

const signIn = (email: string, password: string, from = "10.1.0.1") =>
  fetch(`${t.url}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify({ email, password }),
  });

describe("invitations and sessions", () => {
  it("invites an editor who sets a password through the one-time link and is signed in as an editor", async () => {
    const ada = await invite(
      t,
      { email: "Ada@Example.com", name: "Ada", role: "editor" },
      PASSWORD,
    );
    expect(ada.link).toMatch(/\/invite\?token=/);
    const me = await ada.call("/api/me");
    expect(await me.json()).toMatchObject({ role: "editor", via: "session", name: "Ada" });
    expect(ada.cookie).toMatch(/^oj_session=/);
    // The link worked once.
    const again = await fetch(`${t.url}/api/invitations/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: tokenOf(ada.link), password: "another password" }),
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({
      error: { code: "link_invalid", details: { fields: ["body.token"] } },
    });
  });

  it("sets the session cookie HttpOnly and SameSite=Lax, and signs in with email and password", async () => {
    const res = await signIn("ada@example.com", PASSWORD);
    expect(res.status).toBe(200);
    const set = res.headers.getSetCookie().find((c) => c.startsWith("oj_session=")) ?? "";
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    expect(await res.json()).toMatchObject({ role: "editor", csrfToken: expect.any(String) });
  });

  it("refuses an unsafe request on a session without the CSRF token or from another origin", async () => {
    const res = await signIn("ada@example.com", PASSWORD);
    const ada = memberFrom(t, res, (await res.json()) as { csrfToken: string });
    const body = JSON.stringify({ name: "Drafted by Ada", nodes: [], edges: [] });
    const headers = { cookie: ada.cookie, "content-type": "application/json" };
    const noToken = await fetch(`${t.url}/api/journeys`, { method: "POST", headers, body });
    expect(noToken.status).toBe(403);
    expect(await noToken.json()).toMatchObject({ error: { code: "csrf_failed" } });
    const foreign = await fetch(`${t.url}/api/journeys`, {
      method: "POST",
      headers: { ...headers, "x-csrf-token": ada.csrf, origin: "https://evil.example" },
      body,
    });
    expect(foreign.status).toBe(403);
    const ok = await ada.call("/api/journeys", {
      body: { name: "Drafted by Ada", nodes: [], edges: [] },
    });
    expect(ok.status).toBe(201);
  });

  it("answers a wrong password and an unknown address alike, and signs out", async () => {
    const wrong = await signIn("ada@example.com", "not the password", "10.1.0.2");
    const unknown = await signIn("nobody@example.com", "not the password", "10.1.0.2");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await json(wrong)).error?.code).toBe((await json(unknown)).error?.code);

    const res = await signIn("ada@example.com", PASSWORD, "10.1.0.3");
    const cookie = sessionCookie(res);
    const out = await fetch(`${t.url}/api/sessions`, { method: "DELETE", headers: { cookie } });
    expect(out.status).toBe(204);
    expect((await fetch(`${t.url}/api/me`, { headers: { cookie } })).status).toBe(401);
  });

  it("rate-limits failed sign-ins per client with a 429", async () => {
    const from = "10.9.9.9";
    for (let i = 0; i < 3; i++)
      expect((await signIn("ada@example.com", "guess", from)).status).toBe(401);
    const limited = await signIn("ada@example.com", PASSWORD, from);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    // Another client is not affected.
    expect((await signIn("ada@example.com", PASSWORD, "10.9.9.10")).status).toBe(200);
  });
});

describe("password reset", () => {
  it("resets a password by link: the old password and the old sessions stop working", async () => {
    const bob = await invite(
      t,
      { email: "bob@example.com", name: "Bob", role: "viewer" },
      "bob's first password",
    );
    const issued = await t.api(`/api/users/${bob.id}/password-reset`, { body: {} });
    expect(issued.status).toBe(200);
    const { link } = (await issued.json()) as { link: string }; // why: the PasswordReset body
    expect(link).toMatch(/\/reset-password\?token=/);
    const done = await fetch(`${t.url}/api/password-resets/complete`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: tokenOf(link), password: "bob's second password" }),
    });
    expect(done.status).toBe(200);
    expect((await bob.call("/api/me")).status).toBe(401);
    expect((await signIn("bob@example.com", "bob's first password", "10.2.0.1")).status).toBe(401);
    expect((await signIn("bob@example.com", "bob's second password", "10.2.0.1")).status).toBe(200);
  });

  it("answers a reset request the same whether or not the address has an account", async () => {
    const ask = (email: string) =>
      fetch(`${t.url}/api/password-resets`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email }),
      });
    const known = await ask("bob@example.com");
    const unknown = await ask("nobody@example.com");
    expect(known.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
  });

  it("refuses a short password with a 400 naming the field", async () => {
    const res = await t.api("/api/users", {
      body: { email: "cy@example.com", name: "Cy", role: "viewer" },
    });
    const { link } = (await res.json()) as { link: string }; // why: the Invitation body
    const short = await fetch(`${t.url}/api/invitations/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: tokenOf(link), password: "short" }),
    });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ error: { details: { fields: ["body.password"] } } });
  });
});

describe("secrets at rest and in logs", () => {
  it("stores an argon2id hash, never the password, and logs neither passwords nor link tokens", async () => {
    const stored = await t.context.db.users.findOne({ email: "ada@example.com" });
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    const raw = JSON.stringify(await t.context.db.raw.collection("users").find({}).toArray());
    expect(raw).not.toContain(PASSWORD);
    expect(raw).not.toContain("bob's second password");
    const links = JSON.stringify(
      await t.context.db.raw.collection("user_links").find({}).toArray(),
    );
    const sessions = JSON.stringify(
      await t.context.db.raw.collection("sessions").find({}).toArray(),
    );
    const log = written.join("");
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [PASSWORD, "bob's first password", "bob's second password"])
      expect(log).not.toContain(secret);
    const invitation = await t.api("/api/users", {
      body: { email: "di@example.com", name: "Di", role: "viewer" },
    });
    const token = tokenOf(((await invitation.json()) as { link: string }).link); // why: the Invitation body
    expect(written.join("")).not.toContain(token);
    expect(links).not.toContain(token);
    const ada = await signIn("ada@example.com", PASSWORD, "10.3.0.1");
    const cookieValue = sessionCookie(ada).split("=")[1] ?? "";
    await fetch(`${t.url}/api/me`, { headers: { cookie: sessionCookie(ada) } });
    expect(written.join("")).not.toContain(cookieValue);
    expect(sessions).not.toContain(cookieValue);
  });
});
