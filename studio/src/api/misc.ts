import {
  AnalyticsOverview,
  AttributionReport,
  JourneyAnalytics,
  SettingsView,
} from "@omnijourney/shared";
import { request, requestAs } from "./client.js";

export const settingsApi = {
  async get(): Promise<SettingsView> {
    return requestAs(SettingsView, "GET", "/api/settings");
  },
  async save(settings: Record<string, unknown>): Promise<SettingsView> {
    return requestAs(SettingsView, "PUT", "/api/settings", settings);
  },
};

/** A range of UTC days, both included. */
export type DayRange = { from: string; to: string };

/** The attribution report's question. */
export type AttributionQuestion = DayRange & {
  goal: string;
  model: AttributionReport["model"];
  halfLifeDays: number;
};

const rangeQuery = (range: DayRange) =>
  `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;

export const analyticsApi = {
  async overview(range: DayRange): Promise<AnalyticsOverview> {
    return requestAs(AnalyticsOverview, "GET", `/api/analytics/overview?${rangeQuery(range)}`);
  },
  async journey(journeyId: string, range: DayRange): Promise<JourneyAnalytics> {
    return requestAs(
      JourneyAnalytics,
      "GET",
      `/api/journeys/${encodeURIComponent(journeyId)}/analytics?${rangeQuery(range)}`,
    );
  },
  async attribution(q: AttributionQuestion): Promise<AttributionReport> {
    const goal = encodeURIComponent(q.goal);
    return requestAs(
      AttributionReport,
      "GET",
      `/api/analytics/attribution?${rangeQuery(q)}&goal=${goal}&model=${q.model}&halfLifeDays=${q.halfLifeDays}`,
    );
  },
};

export const authApi = {
  /** The sign-in check: 200 when the bearer token is valid. */
  async check(token: string): Promise<void> {
    await request("GET", "/api/me", undefined, token);
  },
};
