/**
 * Watching local plugins while `npm start` runs: a plugin file (or the config file) that changes is reported
 * once per burst of writes, so the caller can reload the node types (`loadPlugins({ reload: true })`). The
 * parent folders are watched rather than the files: editors often save by replacing the file.
 */
import fs from "node:fs";
import path from "node:path";
import { CONFIG_FILES, pluginEntries } from "./load.js";

export type PluginWatchOptions = {
  root: string;
  env?: NodeJS.ProcessEnv;
  /** Called with the changed file's path, after `debounceMs` without further writes. */
  onChange: (file: string) => void;
  debounceMs?: number;
};

/** The local files that make up the configured plugins: relative or absolute specifiers and the config file. */
export async function localPluginFiles(root: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const files = CONFIG_FILES.map((name) => path.join(root, name)).filter((f) => fs.existsSync(f));
  for (const entry of await pluginEntries(root, env)) {
    if (!("specifier" in entry)) continue;
    const { specifier } = entry;
    if (!specifier.startsWith(".") && !path.isAbsolute(specifier)) continue;
    const file = path.resolve(root, specifier);
    const isDir = fs.existsSync(file) && fs.statSync(file).isDirectory();
    files.push(isDir ? path.join(file, "index.mjs") : file);
  }
  return [...new Set(files)];
}

/** Starts watching; `close()` stops. Packages from node_modules are not watched (a reinstall restarts anyway). */
export async function watchPlugins(options: PluginWatchOptions): Promise<{ close(): void }> {
  const files = new Set(await localPluginFiles(options.root, options.env ?? process.env));
  const folders = new Set([...files].map((f) => path.dirname(f)));
  const pending = new Map<string, NodeJS.Timeout>();
  const watchers = [...folders]
    .filter((folder) => fs.existsSync(folder))
    .map((folder) =>
      fs.watch(folder, (_event, name) => {
        const file = name ? path.join(folder, name.toString()) : "";
        if (!files.has(file)) return;
        clearTimeout(pending.get(file));
        pending.set(
          file,
          setTimeout(() => {
            pending.delete(file);
            options.onChange(file);
          }, options.debounceMs ?? 300),
        );
      }),
    );
  return {
    close() {
      for (const watcher of watchers) watcher.close();
      for (const timer of pending.values()) clearTimeout(timer);
    },
  };
}
