import type { Request } from "express";
import type { Journey, JourneyVersionSummary } from "@omnijourney/shared";
import {
  auditOf,
  findJourneyVersion,
  listJourneyVersions,
  saveJourneyDraft,
} from "@omnijourney/store";
import type { ApiContext } from "../context.js";
import { AppError, notFound } from "../errors.js";
import { recordAudit } from "./audit.js";
import { findJourney, journeyView } from "./journeys.js";

/** Audit actions that create a version (`after.version` names it). */
const PUBLISHING_ACTIONS = new Set(["journey.published", "experiment.winner_declared"]);

/** A journey's published versions, newest first, each with who published it (from the audit log). */
export const versionHistory = async (
  ctx: ApiContext,
  journeyId: string,
): Promise<JourneyVersionSummary[]> => {
  await findJourney(ctx, journeyId);
  const [versions, audit] = await Promise.all([
    listJourneyVersions(ctx.db, journeyId),
    auditOf(ctx.db, { type: "journey", id: journeyId }, 1_000),
  ]);
  const publisher = new Map<number, string>();
  // The log is newest first: the oldest entry naming a version is the one that created it.
  for (const entry of audit) {
    const version = entry.after?.version;
    if (PUBLISHING_ACTIONS.has(entry.action) && typeof version === "number")
      publisher.set(version, entry.actor);
  }
  return versions.map((v) => ({
    version: v.version,
    hash: v.hash,
    publishedAt: v.publishedAt.toISOString(),
    publishedBy: publisher.get(v.version) ?? null,
  }));
};

/**
 * Replaces the draft with a published version's document (the live version keeps running until the next
 * publish), and audits it with the draft's last save time as the state before.
 */
export const restoreVersion = async (
  ctx: ApiContext,
  journeyId: string,
  version: number,
  req: Request,
): Promise<Journey> => {
  const journey = await findJourney(ctx, journeyId);
  if (journey.status === "archived")
    throw new AppError(409, "journey_archived", "An archived journey cannot be edited", {
      id: journeyId,
    });
  const frozen = await findJourneyVersion(ctx.db, journeyId, version);
  if (!frozen) throw notFound("Version", `${journeyId}@${version}`);
  await saveJourneyDraft(ctx.db, journeyId, {
    name: journey.name,
    ...(journey.description !== undefined ? { description: journey.description } : {}),
    document: frozen.document,
  });
  await recordAudit(ctx, req, {
    action: "journey.version_restored",
    object: { type: "journey", id: journeyId },
    before: { draftUpdatedAt: journey.updatedAt?.toISOString() ?? null },
    after: { version },
  });
  return journeyView(await findJourney(ctx, journeyId));
};
