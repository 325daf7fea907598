import type { Connection } from "mongoose";
import { createEnrolmentModel } from "./enrolment.js";
import { createEventModel } from "./event.js";
import { createJourneyModel } from "./journey.js";
import { createJourneyVersionModel } from "./journey-version.js";
import { createLinkTokenModel } from "./link-token.js";
import { createMessageModel } from "./message.js";
import { createNodeStatModel } from "./node-stat.js";
import { createProfileModel } from "./profile.js";
import { createProfileJourneysModel } from "./profile-journeys.js";
import { createRecentSendsModel } from "./recent-sends.js";
import { createIdentityAliasModel } from "./identity-alias.js";
import { createSegmentModel } from "./segment.js";
import { createSegmentMembershipModel } from "./segment-membership.js";
import { createSettingsModel } from "./settings.js";

function bindModels(connection: Connection) {
  return {
    Profile: createProfileModel(connection),
    Event: createEventModel(connection),
    Message: createMessageModel(connection),
    Enrolment: createEnrolmentModel(connection),
    Journey: createJourneyModel(connection),
    JourneyVersion: createJourneyVersionModel(connection),
    Segment: createSegmentModel(connection),
    Settings: createSettingsModel(connection),
    NodeStat: createNodeStatModel(connection),
    LinkToken: createLinkTokenModel(connection),
    SegmentMembership: createSegmentMembershipModel(connection),
    ProfileJourneys: createProfileJourneysModel(connection),
    RecentSends: createRecentSendsModel(connection),
    IdentityAlias: createIdentityAliasModel(connection),
  };
}

export type Models = ReturnType<typeof bindModels>;

const bound = new WeakMap<Connection, Models>();

/** Every model bound to one connection; calling it again for the same connection returns the same models. */
export function createModels(connection: Connection): Models {
  let models = bound.get(connection);
  if (!models) {
    models = bindModels(connection);
    bound.set(connection, models);
  }
  return models;
}

/** Creates the indexes of every model (unique keys are what make writes idempotent, so await this at start). */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) await model.createIndexes();
}

export * from "./enrolment.js";
export * from "./event.js";
export * from "./ids.js";
export * from "./journey.js";
export * from "./journey-version.js";
export * from "./link-token.js";
export * from "./message.js";
export * from "./node-stat.js";
export * from "./profile.js";
export * from "./profile-journeys.js";
export * from "./recent-sends.js";
export * from "./identity-alias.js";
export * from "./segment.js";
export * from "./segment-membership.js";
export * from "./settings.js";
