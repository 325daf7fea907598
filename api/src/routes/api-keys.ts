import { ApiKey, ApiKeyInput, ApiKeyList, CreatedApiKey } from "@omnijourney/shared";
import { insertApiKey, listApiKeys, revokeApiKey, type ApiKeyRecord } from "@omnijourney/store";
import { endpoint } from "../http/endpoint.js";
import { notFound } from "../errors.js";
import { actorOf } from "../auth.js";
import { IdParams } from "../schemas/common.js";
import { recordAudit } from "../services/audit.js";
import { newSecret, secretHash } from "../services/credentials.js";

const tags = ["team"];
const PREFIX = { write: "ojw_", bearer: "ojb_" } as const;

const keyView = (k: ApiKeyRecord): ApiKey => ({
  id: k._id,
  name: k.name,
  kind: k.kind,
  ...(k.role ? { role: k.role } : {}),
  prefix: k.prefix,
  createdBy: k.createdBy,
  createdAt: k.createdAt.toISOString(),
  ...(k.revokedAt ? { revokedAt: k.revokedAt.toISOString() } : {}),
});

/** What the audit log keeps of a key: never the key, nor its hash. */
const audited = (k: ApiKeyRecord) => ({
  name: k.name,
  kind: k.kind,
  role: k.role ?? null,
  prefix: k.prefix,
  revoked: k.revokedAt !== undefined,
});

export const listKeys = endpoint({
  method: "get",
  path: "/api-keys",
  summary: "API keys (never the keys themselves)",
  tags,
  auth: "bearer",
  role: "admin",
  response: ApiKeyList,
  handler: async (_i, { app }) => ({ keys: (await listApiKeys(app.db)).map(keyView) }),
});

export const createKey = endpoint({
  method: "post",
  path: "/api-keys",
  summary:
    "Create a write key (ingestion) or a bearer key with a role (/api); the key is shown this once",
  tags,
  auth: "bearer",
  role: "admin",
  body: ApiKeyInput,
  response: CreatedApiKey,
  status: 201,
  handler: async ({ body }, { app, req }): Promise<CreatedApiKey> => {
    const key = newSecret(PREFIX[body.kind]);
    const record = await insertApiKey(app.db, {
      name: body.name,
      kind: body.kind,
      ...(body.kind === "bearer" && body.role ? { role: body.role } : {}),
      keyHash: secretHash(key),
      prefix: key.slice(0, 8),
      createdBy: actorOf(req).actor,
    });
    await recordAudit(app, req, {
      action: "api_key.created",
      object: { type: "api_key", id: record._id, name: record.name },
      after: audited(record),
    });
    return { apiKey: keyView(record), key };
  },
});

export const revokeKey = endpoint({
  method: "delete",
  path: "/api-keys/:id",
  summary: "Revoke a key: it stops working at once",
  tags,
  auth: "bearer",
  role: "admin",
  params: IdParams,
  response: ApiKey,
  handler: async ({ params }, { app, req }) => {
    const revoked = await revokeApiKey(app.db, params.id);
    if (!revoked) throw notFound("Unrevoked API key", params.id);
    await recordAudit(app, req, {
      action: "api_key.revoked",
      object: { type: "api_key", id: revoked._id, name: revoked.name },
      before: { ...audited(revoked), revoked: false },
      after: audited(revoked),
    });
    return keyView(revoked);
  },
});

export const apiKeyEndpoints = [listKeys, createKey, revokeKey];
