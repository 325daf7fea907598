// API keys (shown once, stored hashed, revoked at once), approvals (editor requests, publisher approves or
// rejects) and the audit log that records each step with who did it and when.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./helpers/api.js";
import { invite, type Member } from "./helpers/team.js";
import { welcomeJourney } from "./fixtures.js";
import { json } from "./helpers/json.js";

let t: TestApi;
let editor: Member;
let publisher: Member;
beforeAll(async () => {
  t = await startTestApi("teamkeys");
  editor = await invite(t, { email: "eddie@example.com", name: "Eddie Editor", role: "editor" });
  publisher = await invite(t, {
    email: "pia@example.com",
    name: "Pia Publisher",
    role: "publisher",
  });
});
afterAll(async () => t?.close());

const track = (key: string) =>
  fetch(`${t.url}/v1/track`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({ userId: "u1", event: "Signed Up" }),
  });

describe("API keys", () => {
  it("creates a write key that ingests, shows it once, stores only its hash, and stops it at once when revoked", async () => {
    const created = await t.api("/api/api-keys", { body: { name: "Website", kind: "write" } });
    expect(created.status).toBe(201);
    const { key, apiKey } = (await created.json()) as { key: string; apiKey: { id: string } }; // why: CreatedApiKey
    expect(key).toMatch(/^ojw_/);
    expect((await track(key)).status).toBe(200);
    const listed = JSON.stringify(await (await t.api("/api/api-keys")).json());
    expect(listed).toContain("Website");
    expect(listed).not.toContain(key);
    expect(
      JSON.stringify(await t.context.db.raw.collection("api_keys").find({}).toArray()),
    ).not.toContain(key);

    expect((await t.api(`/api/api-keys/${apiKey.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await track(key)).status).toBe(401);
  });

  it("acts with a bearer key's role on /api until it is revoked", async () => {
    const created = await t.api("/api/api-keys", {
      body: { name: "BI export", kind: "bearer", role: "viewer" },
    });
    const { key, apiKey } = (await created.json()) as { key: string; apiKey: { id: string } }; // why: CreatedApiKey
    const as = (path: string, init: RequestInit = {}) =>
      fetch(`${t.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      });
    expect((await as("/api/journeys")).status).toBe(200);
    expect(
      (await as("/api/journeys", { method: "POST", body: JSON.stringify(welcomeJourney()) }))
        .status,
    ).toBe(403);
    await t.api(`/api/api-keys/${apiKey.id}`, { method: "DELETE" });
    expect((await as("/api/journeys")).status).toBe(401);
  });

  it("refuses a bearer key without a role with a 400 naming the field", async () => {
    const res = await t.api("/api/api-keys", { body: { name: "No role", kind: "bearer" } });
    expect(res.status).toBe(400);
    expect((await json(res)).error?.details.fields).toEqual(["body.role"]);
  });
});

describe("approvals", () => {
  let journeyId = "";
  it("lets an editor draft but not publish, and refuses a request while approvals are off", async () => {
    const created = await editor.call("/api/journeys", {
      body: welcomeJourney("Approval Signed Up"),
    });
    expect(created.status).toBe(201);
    journeyId = String((await json(created)).id);
    const publish = await editor.call(`/api/journeys/${journeyId}/publish`, { body: {} });
    expect(publish.status).toBe(403);
    expect((await json(publish)).error?.code).toBe("forbidden");
    const early = await editor.call(`/api/journeys/${journeyId}/approvals`, {
      body: { note: "please" },
    });
    expect(early.status).toBe(409);
  });

  it("with approvals on: the editor requests, the publisher rejects with a note, then approves what was requested", async () => {
    expect(
      (await editor.call("/api/approvals/settings", { method: "PUT", body: { required: true } }))
        .status,
    ).toBe(403);
    expect(
      (await t.api("/api/approvals/settings", { method: "PUT", body: { required: true } })).status,
    ).toBe(200);
    expect(await json(await editor.call("/api/me"))).toMatchObject({ approvalsRequired: true });

    const first = await editor.call(`/api/journeys/${journeyId}/approvals`, {
      body: { note: "Ready for Monday" },
    });
    expect(first.status).toBe(201);
    const firstId = String((await json(first)).id);
    expect((await editor.call(`/api/approvals/${firstId}/approve`, { body: {} })).status).toBe(403);
    const noNote = await publisher.call(`/api/approvals/${firstId}/reject`, { body: {} });
    expect(noNote.status).toBe(400);
    expect((await json(noNote)).error?.details.fields).toEqual(["body.note"]);
    const rejected = await publisher.call(`/api/approvals/${firstId}/reject`, {
      body: { note: "Fix the subject" },
    });
    expect(await json(rejected)).toMatchObject({
      status: "rejected",
      decidedBy: "Pia Publisher <pia@example.com>",
    });

    const second = await editor.call(`/api/journeys/${journeyId}/approvals`, {
      body: { note: "Subject fixed" },
    });
    const secondId = String((await json(second)).id);
    const pending = await json(await publisher.call("/api/approvals?status=pending"));
    expect(pending.approvals).toMatchObject([
      { id: secondId, note: "Subject fixed", requestedBy: "Eddie Editor <eddie@example.com>" },
    ]);
    // The draft changes after the request: approval publishes what was requested, not the later edit.
    const later = { ...welcomeJourney("Approval Signed Up"), name: "Edited after the request" };
    expect(
      (await editor.call(`/api/journeys/${journeyId}`, { method: "PUT", body: later })).status,
    ).toBe(200);
    const approved = await publisher.call(`/api/approvals/${secondId}/approve`, {
      body: { note: "Go" },
    });
    expect(approved.status).toBe(200);
    expect(await json(approved)).toMatchObject({ status: "approved", version: 1 });
    const version = await json(await t.api(`/api/journeys/${journeyId}/versions/1`));
    expect(JSON.stringify(version)).toContain('"name":"Welcome"');
    expect((await publisher.call(`/api/approvals/${secondId}/approve`, { body: {} })).status).toBe(
      409,
    );
  });

  it("records each step in the audit log with names and times, newest first, filterable", async () => {
    const res = await publisher.call(`/api/audit?objectType=journey&objectId=${journeyId}`);
    const { entries } = (await res.json()) as {
      entries: { action: string; actor: string; at: string }[];
    }; // why: AuditPage
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ["journey.published", "Pia Publisher <pia@example.com>"],
      ["journey.publication_approved", "Pia Publisher <pia@example.com>"],
      ["journey.publication_requested", "Eddie Editor <eddie@example.com>"],
      ["journey.publication_rejected", "Pia Publisher <pia@example.com>"],
      ["journey.publication_requested", "Eddie Editor <eddie@example.com>"],
    ]);
    for (const e of entries) expect(Date.parse(e.at)).toBeGreaterThan(Date.now() - 600_000);
    const byActor = await json(await t.api("/api/audit?actor=eddie"));
    expect((byActor.entries as { actor: string }[]).every((e) => e.actor.startsWith("Eddie"))).toBe(
      true,
    );
    const users = await json(await t.api("/api/audit?action=user.invited"));
    expect((users.entries as unknown[]).length).toBe(2);
  });

  it("audits pause and settings changes with before and after, a provider secret masked", async () => {
    await publisher.call(`/api/journeys/${journeyId}/pause`, { body: {} });
    const secret = "smtp-pass-never-in-audit";
    const put = await t.api("/api/settings", {
      method: "PUT",
      body: { providers: { sms: { provider: "twilio", accountSid: "AC1", authToken: secret } } },
    });
    expect(put.status).toBe(200);
    const all = await json(await t.api("/api/audit?limit=500"));
    const text = JSON.stringify(all);
    expect(text).not.toContain(secret);
    const entries = all.entries as { action: string; before?: unknown; after?: unknown }[];
    expect(entries.find((e) => e.action === "journey.paused")).toMatchObject({
      before: { status: "live" },
      after: { status: "paused" },
    });
    expect(entries.find((e) => e.action === "settings.providers_changed")?.after).toBeDefined();
    expect(entries.some((e) => e.action === "api_key.revoked")).toBe(true);
  });

  it("audits segments and role changes with who, before and after", async () => {
    const created = await editor.call("/api/segments", {
      body: { name: "Germans", condition: { attr: "country", op: "eq", value: "DE" } },
    });
    expect(created.status).toBe(201);
    const segmentId = String((await json(created)).id);
    await editor.call(`/api/segments/${segmentId}`, {
      method: "PUT",
      body: { name: "Germans", condition: { attr: "country", op: "eq", value: "AT" } },
    });
    const segment = await json(await t.api(`/api/audit?objectType=segment&objectId=${segmentId}`));
    expect(segment.entries).toMatchObject([
      {
        action: "segment.updated",
        actor: "Eddie Editor <eddie@example.com>",
        before: { condition: { value: "DE" } },
        after: { condition: { value: "AT" } },
      },
      { action: "segment.created", actor: "Eddie Editor <eddie@example.com>" },
    ]);
    expect(
      (await t.api(`/api/users/${editor.id}`, { method: "PATCH", body: { role: "viewer" } }))
        .status,
    ).toBe(200);
    const roles = await json(await t.api("/api/audit?action=user.role_changed"));
    expect(roles.entries).toMatchObject([
      {
        actor: "admin",
        object: { id: editor.id },
        before: { role: "editor" },
        after: { role: "viewer" },
      },
    ]);
    // A role change ends the person's sessions: they sign in again with the new role.
    expect((await editor.call("/api/me")).status).toBe(401);
  });
});
