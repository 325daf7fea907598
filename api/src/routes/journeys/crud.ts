import { z } from "zod";
import { Journey, JourneyList, JourneyStatus, ValidationResponse } from "@omnijourney/shared";
import {
  deleteJourneyAndData,
  insertJourney,
  listJourneyRecords,
  newJourney,
  saveJourneyDraft,
} from "@omnijourney/store";
import { endpoint } from "../../http/endpoint.js";
import { AppError } from "../../errors.js";
import { IdParams, safe } from "../../schemas/common.js";
import {
  findJourney,
  journeyView,
  stampedDocument,
  upgradedJourney,
  validate,
} from "../../services/journeys.js";
import { journeyCounts } from "../../services/journey-stats.js";
import { JourneyBody, tags } from "./schemas.js";

export const listJourneys = endpoint({
  method: "get",
  path: "/journeys",
  summary: "List journeys (newest change first) with their enrolled, active and converted counts",
  tags,
  auth: "bearer",
  role: "viewer",
  query: z.object({ status: JourneyStatus.optional() }),
  response: JourneyList,
  handler: async ({ query }, { app }) => {
    const docs = await listJourneyRecords(app.db, query.status);
    const counts = await journeyCounts(app, docs);
    return {
      items: docs.map((d) => ({
        ...journeyView(upgradedJourney(d)),
        counts: counts.get(d._id) ?? { enrolled: 0, active: 0, converted: 0 },
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
  role: "editor",
  body: JourneyBody,
  response: Journey,
  status: 201,
  handler: async ({ body }, { app }) => {
    const document = stampedDocument(body);
    const doc = newJourney({ name: body.name, description: body.description, document });
    await insertJourney(app.db, doc);
    return journeyView(doc);
  },
});

export const validateDocument = endpoint({
  method: "post",
  path: "/journeys/validate",
  summary: "Validate a journey document; every problem at once",
  tags,
  auth: "bearer",
  role: "editor",
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
  role: "viewer",
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
  role: "editor",
  params: IdParams,
  body: JourneyBody,
  response: Journey,
  handler: async ({ params, body }, { app }) => {
    const journey = await findJourney(app, params.id);
    if (journey.status === "archived")
      throw new AppError(409, "journey_archived", "An archived journey cannot be edited", {
        id: params.id,
      });
    await saveJourneyDraft(app.db, params.id, {
      name: body.name,
      description: body.description,
      document: stampedDocument(body),
    });
    return journeyView(await findJourney(app, params.id));
  },
});

export const deleteJourney = endpoint({
  method: "delete",
  path: "/journeys/:id",
  summary: "Delete a journey that is not live (archive a live one first)",
  tags,
  auth: "bearer",
  role: "publisher",
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
    await deleteJourneyAndData(app.db, params.id);
    app.fanout.invalidate();
    return undefined;
  },
});
