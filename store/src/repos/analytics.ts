import { sumBy } from "../engine/sums.js";
import type { Collections } from "../models/index.js";

/** A total per status (the status as a string; a missing one reads "null"/"undefined", as the groups key it). */
export type StatusSum = { status: string; sum: number };

/** A total per (channel, status) of messages; either may be missing on old documents. */
export type ChannelStatusSum = { channel?: string; status?: string; sum: number };

/** The workspace's raw totals the analytics overview folds, for one journey or all. */
export type AnalyticsTotals = {
  profiles: number;
  events: number;
  journeysByStatus: StatusSum[];
  enrolmentsByStatus: StatusSum[];
  revenueByStatus: StatusSum[];
  messagesByChannel: ChannelStatusSum[];
  costByChannel: ChannelStatusSum[];
};

const byStatus = (rows: { key: unknown; sum: number }[]): StatusSum[] =>
  rows.map(({ key, sum }) => ({ status: String(key), sum }));

const byChannel = (rows: { key: unknown; sum: number }[]): ChannelStatusSum[] =>
  rows.map(({ key, sum }) => {
    const id = (key ?? {}) as { channel?: string; status?: string }; // why: the $group key below
    return {
      ...(id.channel !== undefined ? { channel: id.channel } : {}),
      ...(id.status !== undefined ? { status: id.status } : {}),
      sum,
    };
  });

const CHANNEL_STATUS = { channel: "$channel", status: "$status" };

/** Counts and sums over profiles, events, journeys, enrolments and messages (of one journey when given). */
export const readAnalyticsTotals = async (
  models: Collections,
  journeyId?: string,
): Promise<AnalyticsTotals> => {
  const match = journeyId ? { journeyId } : {};
  const [profiles, events, journeys, enrolments, revenues, messages, costs] = await Promise.all([
    models.profiles.estimatedDocumentCount(),
    models.events.estimatedDocumentCount(),
    sumBy(models.journeys, {}, "$status", 1),
    sumBy(models.enrolments, match, "$status", 1),
    sumBy(models.enrolments, match, "$status", "$revenue"),
    sumBy(models.messages, match, CHANNEL_STATUS, 1),
    sumBy(models.messages, match, CHANNEL_STATUS, "$cost"),
  ]);
  return {
    profiles,
    events,
    journeysByStatus: byStatus(journeys),
    enrolmentsByStatus: byStatus(enrolments),
    revenueByStatus: byStatus(revenues),
    messagesByChannel: byChannel(messages),
    costByChannel: byChannel(costs),
  };
};
