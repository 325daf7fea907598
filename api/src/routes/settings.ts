import { z } from "zod";
import { Channel, keepMaskedSecrets, MASK, maskSecrets, SettingsView } from "@omnijourney/shared";
import { normaliseSettings } from "@omnijourney/runtime";
import { endpoint } from "../http/endpoint.js";
import { safe } from "../schemas/common.js";
import type { ApiContext } from "../context.js";
import { readWorkspaceSettings, updateWorkspaceSettings } from "@omnijourney/store";
import { recordAudit } from "../services/audit.js";
import { settingsChange } from "../services/settings-audit.js";

const Duration = z.object({
  amount: z.number().int().min(1).max(1000),
  unit: z.enum(["second", "minute", "hour", "day", "week"]),
});
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM (24-hour)");
const SettingsInput = safe(
  z
    .object({
      quietHours: z
        .object({
          enabled: z.boolean(),
          start: HHMM,
          end: HHMM,
          defaultTimezone: z.string().min(1).max(64),
        })
        .partial(),
      frequencyCap: z
        .object({
          enabled: z.boolean(),
          limit: z.number().int().min(1).max(1000),
          window: Duration,
          action: z.enum(["skip", "defer"]),
        })
        .partial(),
      channelCosts: z.partialRecord(Channel, z.number().min(0).max(1000)),
      currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as USD"),
      providers: z.partialRecord(
        Channel,
        z.object({ provider: z.string().min(1).max(50) }).catchall(z.unknown()),
      ),
      // Custom node types' credentials (services.secrets); "" removes one, the mask keeps it.
      secrets: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/), z.string().max(8_192)),
    })
    .partial()
    .strict(),
).meta({ id: "SettingsInput" });

const settingsView = async (ctx: ApiContext): Promise<SettingsView> => {
  const s = normaliseSettings(await readWorkspaceSettings(ctx.db));
  const providers: Record<string, Record<string, unknown>> = {};
  for (const [channel, p] of Object.entries(s.providers)) providers[channel] = maskSecrets(p);
  const tail = (key: string) => `${MASK}${key.slice(-4)}`;
  return {
    quietHours: s.quietHours,
    frequencyCap: s.frequencyCap,
    channelCosts: s.channelCosts,
    currency: s.currency,
    providers,
    secrets: Object.fromEntries(Object.keys(s.secrets).map((name) => [name, MASK])),
    apiKeys: { writeKey: tail(ctx.config.writeKey), adminToken: tail(ctx.config.adminToken) },
    publicUrl: ctx.config.publicUrl,
  };
};

export const getSettings = endpoint({
  method: "get",
  path: "/settings",
  summary: "Workspace settings; credentials are masked",
  tags: ["settings"],
  auth: "bearer",
  role: "viewer",
  response: SettingsView,
  handler: async (_i, { app }) => settingsView(app),
});

export const putSettings = endpoint({
  method: "put",
  path: "/settings",
  summary:
    "Update workspace settings (partial); a masked credential sent back keeps the stored one",
  tags: ["settings"],
  auth: "bearer",
  role: "admin",
  body: SettingsInput,
  response: SettingsView,
  handler: async ({ body }, { app, req }) => {
    const before = await settingsView(app);
    const current = normaliseSettings(await readWorkspaceSettings(app.db));
    const $set: Record<string, unknown> = { updatedAt: new Date() };
    if (body.quietHours) $set.quietHours = { ...current.quietHours, ...body.quietHours };
    if (body.frequencyCap) $set.frequencyCap = { ...current.frequencyCap, ...body.frequencyCap };
    if (body.channelCosts) $set.channelCosts = { ...current.channelCosts, ...body.channelCosts };
    if (body.currency) $set.currency = body.currency;
    if (body.providers) {
      const providers = { ...current.providers };
      for (const [channel, p] of Object.entries(body.providers)) {
        if (!p) continue;
        providers[channel] = keepMaskedSecrets(p, current.providers[channel] ?? {});
      }
      $set.providers = providers;
    }
    if (body.secrets) {
      const merged = { ...current.secrets, ...keepMaskedSecrets(body.secrets, current.secrets) };
      $set.secrets = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== ""));
    }
    await updateWorkspaceSettings(app.db, $set);
    const after = await settingsView(app);
    await recordAudit(app, req, settingsChange(before, after, Object.keys(body)));
    return after;
  },
});

export const settingsEndpoints = [getSettings, putSettings];
