import { z } from "zod";
import { api, request } from "./client.js";

export const settingsApi = {
  async get(): Promise<Record<string, unknown>> {
    return z.record(z.string(), z.unknown()).parse(await api.get("/api/settings"));
  },
  async save(settings: Record<string, unknown>): Promise<Record<string, unknown>> {
    return z
      .record(z.string(), z.unknown())
      .parse((await api.put("/api/settings", settings)) ?? settings);
  },
};

export const analyticsApi = {
  async overview(): Promise<Record<string, unknown>> {
    return z.record(z.string(), z.unknown()).parse(await api.get("/api/analytics/overview"));
  },
};

export const authApi = {
  /** The sign-in check: 200 when the bearer token is valid. */
  async check(token: string): Promise<void> {
    await request("GET", "/api/me", undefined, token);
  },
};
