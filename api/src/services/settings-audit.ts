import type { SettingsView } from "@omnijourney/shared";

type Section = Exclude<keyof SettingsView, "apiKeys" | "publicUrl">;
const SECTIONS: readonly Section[] = [
  "quietHours",
  "frequencyCap",
  "channelCosts",
  "currency",
  "providers",
  "secrets",
];

/**
 * The audit entry of a settings change: the sections the request touched, before and after, as the API
 * shows them, so every credential in them is already masked (a secret never reaches the audit log).
 */
export const settingsChange = (before: SettingsView, after: SettingsView, touched: string[]) => {
  const sections = SECTIONS.filter((s) => touched.includes(s));
  const pick = (view: SettingsView) => Object.fromEntries(sections.map((s) => [s, view[s]]));
  const providers = sections.includes("providers");
  return {
    action: providers ? "settings.providers_changed" : "settings.changed",
    object: { type: "settings", id: "workspace", name: "Workspace settings" },
    before: pick(before),
    after: pick(after),
    details: { sections },
  };
};
