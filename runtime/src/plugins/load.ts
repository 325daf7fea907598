/**
 * Plugins by configuration alone: the node types named by `OMNIJOURNEY_PLUGINS` and by the root's
 * `omnijourney.config.mjs` (or `.ts`) join the built-ins in one registry that the worker, the API and the
 * tests share. Nothing in core code names a plugin; a plugin that cannot be loaded stops start-up.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { nodeTypes, type NodeType, type NodeTypeRegistry } from "@omnijourney/shared";
import { nodeTypesOf } from "./module-shape.js";

/** A plugin that could not be loaded: names the module and the reason. */
export class PluginLoadError extends Error {
  constructor(
    readonly specifier: string,
    readonly reason: string,
  ) {
    super(`plugin "${specifier}" could not be loaded: ${reason}`);
    this.name = "PluginLoadError";
  }
}

export type LoadPluginsOptions = {
  /** The project root: relative specifiers and the config file are resolved from it. */
  root: string;
  env?: NodeJS.ProcessEnv;
  /** Where the plugin types are registered; defaults to the shared registry holding the built-ins. */
  registry?: NodeTypeRegistry;
  /** Called once per plugin loaded, with the node types it added (start-up logs). */
  onLoaded?: (plugin: string, types: string[]) => void;
  /**
   * Reads every plugin file again (past the module cache) and puts changed declarations in place of the
   * ones this loader registered before; built-in types stay protected. For a plugin edited while running.
   */
  reload?: boolean;
};

/** The types each registry got from plugins: a reload may replace these, never a built-in. */
const pluginTypes = new WeakMap<NodeTypeRegistry, Set<string>>();
/** Bumped on every reload, so `import()` reads the files again instead of answering from its cache. */
let generation = 0;

/** One plugin to load: a module specifier, or a plugin module's value written inline in the config file. */
type PluginEntry = { name: string; specifier: string } | { name: string; value: unknown };

export const CONFIG_FILES = ["omnijourney.config.mjs", "omnijourney.config.ts"];

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Imports a module by file URL; `.ts` files go through tsx, so a local TypeScript plugin needs no build step. */
async function importFile(file: string): Promise<unknown> {
  const url = `${pathToFileURL(file).href}${generation ? `?reload=${generation}` : ""}`;
  if (!/\.[cm]?ts$/.test(file)) return import(url);
  const tsx: { tsImport(specifier: string, parentUrl: string): Promise<unknown> } =
    await import("tsx/esm/api").catch(() => {
      throw new Error("a TypeScript module needs tsx installed (npm install tsx), or use .mjs");
    });
  return tsx.tsImport(url, import.meta.url);
}

/** Relative and absolute paths resolve from the root; anything else is a package name resolved from the root too. */
async function importSpecifier(root: string, specifier: string): Promise<unknown> {
  if (specifier.startsWith(".") || path.isAbsolute(specifier)) {
    const file = path.resolve(root, specifier);
    if (!fs.existsSync(file)) throw new Error(`no file at ${file}`);
    return importFile(fs.statSync(file).isDirectory() ? path.join(file, "index.mjs") : file);
  }
  let resolved: string;
  try {
    resolved = createRequire(path.join(root, "package.json")).resolve(specifier);
  } catch {
    // An ESM-only package (an "exports" map without a require condition): let import() resolve it.
    return import(specifier);
  }
  return importFile(resolved);
}

const defaultExport = (module: unknown): unknown =>
  module !== null && typeof module === "object" && "default" in module ? module.default : module;

/** The entries of the root's config file (`export default { plugins: [...] }`), if it has one. */
async function configEntries(root: string): Promise<PluginEntry[]> {
  const file = CONFIG_FILES.map((name) => path.join(root, name)).find((f) => fs.existsSync(f));
  if (!file) return [];
  const name = path.basename(file);
  let config: unknown;
  try {
    config = defaultExport(await importFile(file));
  } catch (error) {
    throw new PluginLoadError(name, reasonOf(error));
  }
  const plugins: unknown =
    config !== null && typeof config === "object" && "plugins" in config ? config.plugins : [];
  if (!Array.isArray(plugins))
    throw new PluginLoadError(name, "`plugins` must be an array of module specifiers");
  return plugins.map((entry: unknown, i) =>
    typeof entry === "string"
      ? { name: entry, specifier: entry }
      : { name: `${name} plugins[${i}]`, value: entry },
  );
}

/** The plugin entries of the environment and the config file, in that order, each specifier once. */
export async function pluginEntries(root: string, env: NodeJS.ProcessEnv): Promise<PluginEntry[]> {
  const fromEnv = (env.OMNIJOURNEY_PLUGINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((specifier) => ({ name: specifier, specifier }));
  const seen = new Set<string>();
  return [...fromEnv, ...(await configEntries(root))].filter((entry) => {
    if (!("specifier" in entry)) return true;
    const key = entry.specifier.startsWith(".")
      ? path.resolve(root, entry.specifier)
      : entry.specifier;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function typesOf(root: string, entry: PluginEntry): Promise<NodeType[]> {
  try {
    const value =
      "specifier" in entry
        ? defaultExport(await importSpecifier(root, entry.specifier))
        : entry.value;
    return nodeTypesOf(value);
  } catch (error) {
    throw new PluginLoadError(entry.name, reasonOf(error));
  }
}

/**
 * Loads every configured plugin and registers its node types beside the built-ins; returns the registry.
 * Loading the same plugins again in one process is a no-op (the module cache returns the same declarations).
 * Throws {@link PluginLoadError} for a missing module, one that throws, a default export that is no node
 * type, or a type string that clashes with a built-in or another plugin.
 */
export async function loadPlugins(options: LoadPluginsOptions): Promise<NodeTypeRegistry> {
  const registry = options.registry ?? nodeTypes;
  if (options.reload) generation += 1;
  const ours = pluginTypes.get(registry) ?? new Set<string>();
  pluginTypes.set(registry, ours);
  const entries = await pluginEntries(options.root, options.env ?? process.env);
  const loaded: { name: string; types: NodeType[] }[] = [];
  for (const entry of entries)
    loaded.push({ name: entry.name, types: await typesOf(options.root, entry) });
  const owner = new Map<string, string>();
  for (const { name, types } of loaded)
    for (const nodeType of types) {
      const other = owner.get(nodeType.type);
      if (other !== undefined && other !== name)
        throw new PluginLoadError(
          name,
          `node type "${nodeType.type}" is also defined by "${other}"`,
        );
      const existing = registry.get(nodeType.type);
      const replaceable = options.reload && ours.has(nodeType.type);
      if (existing && existing !== nodeType && !replaceable)
        throw new PluginLoadError(
          name,
          `node type "${nodeType.type}" clashes with a built-in node type`,
        );
      owner.set(nodeType.type, name);
    }
  for (const { name, types } of loaded) {
    for (const nodeType of types) {
      if (options.reload) registry.replace(nodeType);
      else registry.register(nodeType);
      ours.add(nodeType.type);
    }
    options.onLoaded?.(
      name,
      types.map((t) => t.type),
    );
  }
  return registry;
}
