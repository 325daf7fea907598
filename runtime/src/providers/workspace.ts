import { ProviderConfigError } from "./env.js";
import { ProviderSettings } from "./settings.js";

/** How the workspace Settings document stores the choice per channel. */
export type WorkspaceProviderChoice = { provider: string; options?: Record<string, unknown> };

/**
 * Reads the Settings document's `providers` (`{ [channel]: { provider, options? } }`) into
 * `ProviderSettings`; options are the provider's settings fields. Errors name the settings path.
 */
export function providerSettingsFromWorkspace(
  choices: Readonly<Record<string, WorkspaceProviderChoice | undefined>>,
): ProviderSettings {
  const raw: Record<string, unknown> = {};
  for (const [channel, choice] of Object.entries(choices)) {
    if (!choice) continue;
    // The Settings defaults call the built-in in-app store "inapp".
    const provider = channel === "inapp" && choice.provider === "inapp" ? "store" : choice.provider;
    raw[channel] = { ...choice.options, provider };
  }
  const parsed = ProviderSettings.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ProviderConfigError(
    parsed.error.issues.map((issue) => ({
      variable: `providers.${issue.path.join(".")}`,
      message: issue.message,
    })),
  );
}

/**
 * The environment wins per channel (operators keep credentials there); the workspace chooses
 * for every channel the environment leaves unset.
 */
export function mergeProviderSettings(
  workspace: ProviderSettings,
  env: ProviderSettings,
): ProviderSettings {
  return { ...workspace, ...env };
}
