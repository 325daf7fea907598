import { AnalyticsOverview, SettingsView } from "@omnijourney/shared";
import { request, requestAs } from "./client.js";

export const settingsApi = {
  async get(): Promise<SettingsView> {
    return requestAs(SettingsView, "GET", "/api/settings");
  },
  async save(settings: Record<string, unknown>): Promise<SettingsView> {
    return requestAs(SettingsView, "PUT", "/api/settings", settings);
  },
};

export const analyticsApi = {
  async overview(): Promise<AnalyticsOverview> {
    return requestAs(AnalyticsOverview, "GET", "/api/analytics/overview");
  },
};

export const authApi = {
  /** The sign-in check: 200 when the bearer token is valid. */
  async check(token: string): Promise<void> {
    await request("GET", "/api/me", undefined, token);
  },
};
