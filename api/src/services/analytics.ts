import { z } from "zod";
import {
  JourneyNode,
  dailyTrend,
  journeyAnalytics,
  nodeTypes,
  type AnalyticsStep,
  type DailyPoint,
  type JourneyAnalytics,
} from "@omnijourney/shared";
import { normaliseSettings } from "@omnijourney/runtime";
import {
  readJourneyDailyCounters,
  readWorkspaceDailyCounters,
  readWorkspaceSettings,
  type Collections,
} from "@omnijourney/store";
import type { ApiContext } from "../context.js";
import { findJourney } from "./journeys.js";
import type { Range } from "./analytics-range.js";

/** The workspace currency every cost and revenue figure is in. */
export const workspaceCurrency = async (db: Collections): Promise<string> =>
  normaliseSettings(await readWorkspaceSettings(db)).currency;

const StoredNodes = z.array(JourneyNode);

/** A journey's steps as the analytics name them: the step's own name, else its type's title. */
const stepsOf = (document: Record<string, unknown>): AnalyticsStep[] => {
  const parsed = StoredNodes.safeParse(document.nodes);
  if (!parsed.success) return [];
  return parsed.data.map((node) => ({
    id: node.id,
    type: node.type,
    name: node.name || (nodeTypes.get(node.type)?.title ?? node.type),
  }));
};

/** A journey's analytics over a range, from its daily counters (docs/analytics.md). */
export const journeyAnalyticsOf = async (
  ctx: ApiContext,
  journeyId: string,
  range: Range,
): Promise<JourneyAnalytics> => {
  const journey = await findJourney(ctx, journeyId);
  const [rows, currency] = await Promise.all([
    readJourneyDailyCounters(ctx.db, journeyId, range),
    workspaceCurrency(ctx.db),
  ]);
  return journeyAnalytics({
    journeyId,
    ...range,
    currency,
    steps: stepsOf(journey.document),
    rows,
  });
};

/** The workspace's daily trend over a range, from the daily counters. */
export const workspaceTrend = async (db: Collections, range: Range): Promise<DailyPoint[]> =>
  dailyTrend(await readWorkspaceDailyCounters(db, range), range.from, range.to);
