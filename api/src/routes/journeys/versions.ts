import { z } from "zod";
import { Journey, JourneyVersionDetail, JourneyVersionList } from "@omnijourney/shared";
import { findJourneyVersion } from "@omnijourney/store";
import { endpoint } from "../../http/endpoint.js";
import { notFound } from "../../errors.js";
import { Id, IdParams } from "../../schemas/common.js";
import { restoreVersion, versionHistory } from "../../services/journey-versions.js";
import { tags } from "./schemas.js";

export const listVersions = endpoint({
  method: "get",
  path: "/journeys/:id/versions",
  summary: "Published versions, newest first, with who published each",
  tags,
  auth: "bearer",
  role: "viewer",
  params: IdParams,
  response: JourneyVersionList,
  handler: async ({ params }, { app }) => ({ items: await versionHistory(app, params.id) }),
});

const VersionParams = z.object({ id: Id, version: z.coerce.number().int().min(1) });

export const restoreVersionEndpoint = endpoint({
  method: "post",
  path: "/journeys/:id/versions/:version/restore",
  summary:
    "Make a published version's document the draft (audited); the live version runs until the next publish",
  tags,
  auth: "bearer",
  role: "editor",
  params: VersionParams,
  response: Journey,
  handler: async ({ params }, { req, app }) => restoreVersion(app, params.id, params.version, req),
});

export const getVersion = endpoint({
  method: "get",
  path: "/journeys/:id/versions/:version",
  summary: "One published version: its frozen document and compiled plan",
  tags,
  auth: "bearer",
  role: "viewer",
  params: VersionParams,
  response: JourneyVersionDetail,
  handler: async ({ params }, { app }) => {
    const d = await findJourneyVersion(app.db, params.id, params.version);
    if (!d) throw notFound("Version", `${params.id}@${params.version}`);
    return {
      version: d.version,
      hash: d.hash,
      publishedAt: d.publishedAt.toISOString(),
      publishedBy: null,
      document: d.document,
      plan: d.plan,
    };
  },
});
