import { comboOf, normaliseCombo, type KeyInput } from "./keys.js";
import type { Command, CommandContext } from "./types.js";

export type CommandRegistry = {
  all: readonly Command[];
  get(id: string): Command | undefined;
  forKey(event: KeyInput): Command | undefined;
  isEnabled(id: string, ctx: CommandContext): boolean;
  /** Runs a command by id; returns false when it does not exist or is unavailable. */
  run(id: string, ctx: CommandContext): Promise<boolean>;
};

/**
 * Builds the one dispatcher for editor commands. Refuses duplicate ids and ambiguous shortcuts
 * (two commands on one key), so a key always means one thing.
 */
export function createCommandRegistry(commands: readonly Command[]): CommandRegistry {
  const byId = new Map<string, Command>();
  const byKey = new Map<string, Command>();
  for (const command of commands) {
    if (byId.has(command.id)) throw new Error(`Duplicate command id "${command.id}"`);
    byId.set(command.id, command);
    for (const combo of command.keys) {
      const key = normaliseCombo(combo);
      const other = byKey.get(key);
      if (other)
        throw new Error(`Shortcut "${combo}" is ambiguous: "${other.id}" and "${command.id}"`);
      byKey.set(key, command);
    }
  }

  const isEnabled = (id: string, ctx: CommandContext) => {
    const command = byId.get(id);
    if (!command) return false;
    if (command.edits && ctx.store.getState().readOnly) return false;
    return command.enabled ? command.enabled(ctx) : true;
  };

  return {
    all: commands,
    get: (id) => byId.get(id),
    forKey: (event) => byKey.get(comboOf(event)),
    isEnabled,
    async run(id, ctx) {
      const command = byId.get(id);
      if (!command || !isEnabled(id, ctx)) return false;
      await command.run(ctx);
      return true;
    },
  };
}
