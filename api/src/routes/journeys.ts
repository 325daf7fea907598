import { z } from "zod";
import {
  compileJourney,
  EnrolResult,
  ExperimentResponse,
  experimentResults,
  JourneyDocument,
  JourneyList,
  JourneyStats,
  JourneyStatus,
  JourneyValidationError,
  JourneyVersionDetail,
  JourneyVersionList,
  Journey,
  PublishResult,
  SimulationResult,
  ValidationResponse,
  type JourneyPlan,
} from "@omnijourney/shared";
import type { SimulateInput } from "@omnijourney/runtime";
import { endpoint } from "../http/endpoint.js";
import { AppError, notFound } from "../errors.js";
import { Id, IdParams, safe } from "../schemas/common.js";
import { findJourney, journeyView, publishJourney, validate } from "../services/journeys.js";
import { cascadeStepStats, journeyCounts } from "../services/journey-stats.js";
import { normaliseSettings } from "@omnijourney/runtime";
import { WORKSPACE_SETTINGS_ID, newId, type JourneyRecord } from "@omnijourney/store";

const JourneyBody = safe(JourneyDocument).meta({ id: "JourneyDocument" });
const tags = ["journeys"];

export const listJourneys = endpoint({
  method: "get",
  path: "/journeys",
  summary: "List journeys (newest change first) with their enrolled, active and converted counts",
  tags,
  auth: "bearer",
  query: z.object({ status: JourneyStatus.optional() }),
  response: JourneyList,
  handler: async ({ query }, { app }) => {
    const docs = await app.db.journeys
      .find(query.status ? { status: query.status } : {})
      .sort({ updatedAt: -1 })
      .limit(500)
      .toArray();
    const counts = await journeyCounts(app, docs);
    return {
      items: docs.map((d) => ({
        ...journeyView(d),
        counts: counts.get(String(d._id)) ?? { enrolled: 0, active: 0, converted: 0 },
      })),
    };
  },
});

export const createJourney = endpoint({
  method: "post",
  path: "/journeys",
  summary: "Create a journey draft from a journey document",
  tags,
  auth: "bearer",
  body: JourneyBody,
  response: Journey,
  status: 201,
  handler: async ({ body }, { app }) => {
    const now = new Date();
    const doc: JourneyRecord = {
      _id: newId("j"),
      name: body.name,
      description: body.description,
      document: body,
      status: "draft",
      liveVersion: null,
      trigger: null,
      createdAt: now,
      updatedAt: now,
    };
    await app.db.journeys.insertOne(doc);
    return journeyView(doc);
  },
});

export const validateDocument = endpoint({
  method: "post",
  path: "/journeys/validate",
  summary: "Validate a journey document; every problem at once",
  tags,
  auth: "bearer",
  body: safe(z.record(z.string(), z.unknown())),
  response: ValidationResponse,
  handler: async ({ body }, { app }) => validate(app, body),
});

export const getJourney = endpoint({
  method: "get",
  path: "/journeys/:id",
  summary: "A journey with its draft document",
  tags,
  auth: "bearer",
  params: IdParams,
  response: Journey,
  handler: async ({ params }, { app }) => journeyView(await findJourney(app, params.id)),
});

export const saveJourney = endpoint({
  method: "put",
  path: "/journeys/:id",
  summary: "Save the draft (published versions are not affected)",
  tags,
  auth: "bearer",
  params: IdParams,
  body: JourneyBody,
  response: Journey,
  handler: async ({ params, body }, { app }) => {
    const journey = await findJourney(app, params.id);
    if (journey.status === "archived")
      throw new AppError(409, "journey_archived", "An archived journey cannot be edited", {
        id: params.id,
      });
    await app.db.journeys.updateOne(
      { _id: params.id },
      {
        $set: {
          name: body.name,
          description: body.description,
          document: body,
          updatedAt: new Date(),
        },
      },
    );
    return journeyView(await findJourney(app, params.id));
  },
});

export const deleteJourney = endpoint({
  method: "delete",
  path: "/journeys/:id",
  summary: "Delete a journey that is not live (archive a live one first)",
  tags,
  auth: "bearer",
  params: IdParams,
  handler: async ({ params }, { app }) => {
    const journey = await findJourney(app, params.id);
    if (journey.status === "live" || journey.status === "paused") {
      throw new AppError(
        409,
        "journey_live",
        "Archive the journey before deleting it (running enrolments are cancelled by archive)",
        { id: params.id, status: journey.status },
      );
    }
    await app.db.journeyVersions.deleteMany({ journeyId: params.id });
    await app.db.nodeStats.deleteMany({ journeyId: params.id });
    await app.db.segmentMemberships.deleteMany({ journeyId: params.id });
    await app.db.journeys.deleteOne({ _id: params.id });
    app.fanout.invalidate();
    return undefined;
  },
});

export const publish = endpoint({
  method: "post",
  path: "/journeys/:id/publish",
  summary: "Validate, compile and freeze a version; new enrolments take it",
  tags,
  auth: "bearer",
  params: IdParams,
  response: PublishResult,
  handler: async ({ params }, { app }) => publishJourney(app, params.id),
});

const transition = (
  action: "pause" | "resume" | "archive",
  from: string[],
  to: JourneyStatus,
  summary: string,
) =>
  endpoint({
    method: "post",
    path: `/journeys/:id/${action}`,
    summary,
    tags,
    auth: "bearer",
    params: IdParams,
    response: Journey,
    handler: async ({ params }, { app }) => {
      const journey = await findJourney(app, params.id);
      if (!from.includes(String(journey.status))) {
        throw new AppError(
          409,
          "invalid_transition",
          `Cannot ${action} a journey that is ${String(journey.status)}`,
          { id: params.id, status: journey.status },
        );
      }
      await app.db.journeys.updateOne(
        { _id: params.id },
        { $set: { status: to, updatedAt: new Date() } },
      );
      app.fanout.invalidate();
      if (action === "archive") await app.runtime.cancelEnrolments({ journeyId: params.id });
      return journeyView(await findJourney(app, params.id));
    },
  });

export const pause = transition(
  "pause",
  ["live"],
  "paused",
  "Stop new enrolments (running ones continue)",
);
export const resume = transition("resume", ["paused"], "live", "Accept new enrolments again");
export const archive = transition(
  "archive",
  ["draft", "live", "paused"],
  "archived",
  "Stop the journey and cancel its running enrolments",
);

export const listVersions = endpoint({
  method: "get",
  path: "/journeys/:id/versions",
  summary: "Published versions, newest first",
  tags,
  auth: "bearer",
  params: IdParams,
  response: JourneyVersionList,
  handler: async ({ params }, { app }) => {
    await findJourney(app, params.id);
    const docs = await app.db.journeyVersions
      .find({ journeyId: params.id }, { projection: { plan: 0, document: 0 } })
      .sort({ version: -1 })
      .toArray();
    return {
      items: docs.map((d) => ({
        version: Number(d.version),
        hash: String(d.hash),
        publishedAt: new Date(d.publishedAt as Date).toISOString(),
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
  params: z.object({ id: Id, version: z.coerce.number().int().min(1) }),
  response: JourneyVersionDetail,
  handler: async ({ params }, { app }) => {
    const d = await app.db.journeyVersions.findOne({
      journeyId: params.id,
      version: params.version,
    });
    if (!d) throw notFound("Version", `${params.id}@${params.version}`);
    return {
      version: Number(d.version),
      hash: String(d.hash),
      publishedAt: new Date(d.publishedAt as Date).toISOString(),
      document: d.document,
      plan: d.plan,
    };
  },
});

export const enrol = endpoint({
  method: "post",
  path: "/journeys/:id/enrol",
  summary: "Enrol a profile into the live version",
  tags,
  auth: "bearer",
  params: IdParams,
  body: z.object({ profileId: Id }),
  response: EnrolResult,
  status: 202,
  handler: async ({ params, body }, { app }) => {
    const journey = await findJourney(app, params.id);
    if (journey.status !== "live" || typeof journey.liveVersion !== "number") {
      throw new AppError(409, "journey_not_live", "Only a live journey accepts enrolments", {
        id: params.id,
        status: journey.status,
      });
    }
    const profile =
      (await app.db.profiles.findOne({ _id: body.profileId })) ??
      (await app.db.profiles.findOne({ anonymousIds: body.profileId }));
    if (!profile) throw notFound("Profile", body.profileId);
    const result = await app.runtime.enrol({
      journeyId: params.id,
      version: journey.liveVersion,
      profileId: profile.profileId,
      event: null,
    });
    return {
      journeyId: params.id,
      version: journey.liveVersion,
      profileId: profile.profileId,
      result: result ?? null,
    };
  },
});

export const stats = endpoint({
  method: "get",
  path: "/journeys/:id/stats",
  summary:
    "Per-node counters (pre-aggregated as enrolments move); cascade nodes add sent, responded and cost per step",
  tags,
  auth: "bearer",
  params: IdParams,
  response: JourneyStats,
  handler: async ({ params }, { app }) => {
    await findJourney(app, params.id);
    const [docs, steps] = await Promise.all([
      app.db.nodeStats.find({ journeyId: params.id }).toArray(),
      cascadeStepStats(app, params.id),
    ]);
    const nodes: JourneyStats["nodes"] = {};
    const num = (v: unknown) => (typeof v === "number" ? v : 0);
    for (const d of docs) {
      const ports: Record<string, number> = {};
      for (const [k, v] of Object.entries((d.ports ?? {}) as Record<string, unknown>))
        ports[k] = num(v); // why: a Mixed map of numbers
      nodes[String(d.nodeId)] = {
        entered: num(d.entered),
        active: num(d.active),
        completed: num(d.completed),
        converted: num(d.converted),
        revenue: num(d.revenue),
        ports,
      };
    }
    const { currency } = Object.keys(steps).length
      ? normaliseSettings(await app.db.settings.findOne({ _id: WORKSPACE_SETTINGS_ID }))
      : { currency: undefined };
    for (const [nodeId, list] of Object.entries(steps)) {
      const node = (nodes[nodeId] ??= {
        entered: 0,
        active: 0,
        completed: 0,
        converted: 0,
        revenue: 0,
        ports: {},
      });
      node.steps = list;
      if (currency) node.currency = currency;
    }
    return { nodes };
  },
});

export const experiment = endpoint({
  method: "get",
  path: "/journeys/:id/experiments/:nodeId",
  summary: "Per-variant results of an experiment.split node (conversion, uplift, significance)",
  tags,
  auth: "bearer",
  params: z.object({ id: Id, nodeId: Id }),
  response: ExperimentResponse,
  handler: async ({ params }, { app }): Promise<ExperimentResponse> => {
    const journey = await findJourney(app, params.id);
    const nodes =
      (journey.document as { nodes?: { id: string; type: string; config?: unknown }[] } | undefined)
        ?.nodes ?? []; // why: stored drafts passed the document schema
    const node = nodes.find((n) => n.id === params.nodeId);
    if (!node || node.type !== "experiment.split") throw notFound("Experiment node", params.nodeId);
    const stat = await app.db.nodeStats.findOne({ journeyId: params.id, nodeId: params.nodeId });
    const config = (node.config ?? {}) as {
      variants?: { id?: string; name?: string; weight?: number }[];
      holdout?: number;
      control?: string;
    }; // why: experiment.split config
    const counts = (key: "ports" | "portConversions" | "portRevenue") => stat?.[key] ?? {};
    const ports = counts("ports");
    const conversions = counts("portConversions");
    const revenue = counts("portRevenue");
    const arms = Object.keys({
      ...ports,
      ...Object.fromEntries((config.variants ?? []).map((v) => [v.id ?? "", 0])),
    }).filter((k) => k !== "");
    if (ports.holdout !== undefined || (config.holdout ?? 0) > 0) arms.push("holdout");
    const variants = [...new Set(arms)].map((arm) => ({
      id: arm,
      enrolled: ports[arm] ?? 0,
      converted: conversions[arm] ?? 0,
      revenue: revenue[arm] ?? 0,
    }));
    return {
      nodeId: params.nodeId,
      ...experimentResults({ variants, ...(config.control ? { control: config.control } : {}) }),
    };
  },
});

export const simulate = endpoint({
  method: "post",
  path: "/journeys/:id/simulate",
  summary: "Dry-run the journey for a profile and a sequence of events (nothing is sent)",
  tags,
  auth: "bearer",
  params: IdParams,
  body: safe(
    z.object({
      profileId: Id.optional(),
      profile: z.object({ attributes: z.record(z.string(), z.unknown()).default({}) }).optional(),
      events: z
        .array(
          z.object({
            event: z.string().min(1).max(200),
            properties: z.record(z.string(), z.unknown()).optional(),
            atSeconds: z
              .number()
              .min(0)
              .max(10 * 365 * 86400),
          }),
        )
        .max(200)
        .default([]),
      version: z.number().int().min(1).optional(),
    }),
  ),
  response: SimulationResult,
  handler: async ({ params, body }, { app }): Promise<SimulationResult> => {
    const journey = await findJourney(app, params.id);
    let plan: JourneyPlan;
    if (body.version !== undefined) {
      const v = await app.db.journeyVersions.findOne({
        journeyId: params.id,
        version: body.version,
      });
      if (!v) throw notFound("Version", `${params.id}@${body.version}`);
      plan = v.plan as JourneyPlan; // why: stored by publish from compileJourney
    } else {
      try {
        plan = compileJourney(journey.document, {});
      } catch (err) {
        if (err instanceof JourneyValidationError)
          throw new AppError(422, "invalid_journey", err.message, { problems: err.problems });
        throw err;
      }
    }
    let profile: SimulateInput["profile"] = {
      profileId: "simulated",
      attributes: body.profile?.attributes ?? {},
    };
    if (body.profileId) {
      const stored = await app.db.profiles.findOne({ _id: body.profileId });
      if (!stored) throw notFound("Profile", body.profileId);
      // why: the stored document has the StoredProfile shape (consent statuses and counters as written by ingestion)
      profile = {
        profileId: stored.profileId,
        attributes: stored.attributes,
        consent: stored.consent as SimulateInput["profile"]["consent"],
        counters: stored.counters,
      };
    }
    return app.runtime.simulate({
      plan,
      profile,
      events: body.events,
      journeyId: params.id,
      ...(body.version ? { version: body.version } : {}),
    });
  },
});

export const journeyEndpoints = [
  listJourneys,
  createJourney,
  validateDocument,
  getJourney,
  saveJourney,
  deleteJourney,
  publish,
  pause,
  resume,
  archive,
  listVersions,
  getVersion,
  enrol,
  stats,
  experiment,
  simulate,
];
