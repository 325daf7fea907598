import { z } from "zod";
import { JourneyVersionDetail, JourneyVersionList } from "@omnijourney/shared";
import { findJourneyVersion, listJourneyVersions } from "@omnijourney/store";
import { endpoint } from "../../http/endpoint.js";
import { notFound } from "../../errors.js";
import { Id, IdParams } from "../../schemas/common.js";
import { findJourney } from "../../services/journeys.js";
import { tags } from "./schemas.js";

export const listVersions = endpoint({
  method: "get",
  path: "/journeys/:id/versions",
  summary: "Published versions, newest first",
  tags,
  auth: "bearer",
  role: "viewer",
  params: IdParams,
  response: JourneyVersionList,
  handler: async ({ params }, { app }) => {
    await findJourney(app, params.id);
    const docs = await listJourneyVersions(app.db, params.id);
    return {
      items: docs.map((d) => ({
        version: d.version,
        hash: d.hash,
        publishedAt: d.publishedAt.toISOString(),
      })),
    };
  },
});

export const getVersion = endpoint({
  method: "get",
  path: "/journeys/:id/versions/:version",
  summary: "One published version: its frozen document and compiled plan",
  tags,
  auth: "bearer",
  role: "viewer",
  params: z.object({ id: Id, version: z.coerce.number().int().min(1) }),
  response: JourneyVersionDetail,
  handler: async ({ params }, { app }) => {
    const d = await findJourneyVersion(app.db, params.id, params.version);
    if (!d) throw notFound("Version", `${params.id}@${params.version}`);
    return {
      version: d.version,
      hash: d.hash,
      publishedAt: d.publishedAt.toISOString(),
      document: d.document,
      plan: d.plan,
    };
  },
});
