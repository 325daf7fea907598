import path from "node:path";
import { describe, expect, it } from "vitest";
import { NodeTypeRegistry, nodeTypes } from "@omnijourney/shared";
import { loadPlugins, PluginLoadError } from "../../src/plugins/load.js";

const root = path.resolve(import.meta.dirname, "../fixtures/plugin-root");
const withBuiltIns = () => {
  const registry = new NodeTypeRegistry();
  for (const type of nodeTypes.list()) registry.register(type);
  return registry;
};
const load = (plugins: string) =>
  loadPlugins({ root, env: { OMNIJOURNEY_PLUGINS: plugins }, registry: withBuiltIns() });
const failure = (plugins: string) =>
  load(plugins).then(
    () => null,
    (error: unknown) => error,
  );

describe("loadPlugins", () => {
  it("registers the config file's and OMNIJOURNEY_PLUGINS' types beside the built-ins", async () => {
    const loaded: string[] = [];
    const registry = await loadPlugins({
      root,
      env: { OMNIJOURNEY_PLUGINS: "./typed.ts" },
      registry: withBuiltIns(),
      onLoaded: (plugin, types) => loaded.push(`${plugin}: ${types.join(",")}`),
    });
    expect(registry.has("fixture.good")).toBe(true);
    expect(registry.has("fixture.typed")).toBe(true);
    expect(registry.has("message.email")).toBe(true);
    expect(loaded).toEqual(["./typed.ts: fixture.typed", "./good.mjs: fixture.good"]);
  });

  it("loads the same plugins again in one process without complaint", async () => {
    const registry = withBuiltIns();
    await loadPlugins({ root, env: {}, registry });
    await expect(loadPlugins({ root, env: {}, registry })).resolves.toBe(registry);
  });

  it.each([
    ["./missing.mjs", /plugin "\.\/missing\.mjs" could not be loaded: no file at/],
    ["no-such-package-anywhere", /plugin "no-such-package-anywhere" could not be loaded/],
    ["./throws.mjs", /plugin "\.\/throws\.mjs" could not be loaded: boom at import/],
    ["./not-a-type.mjs", /"\.\/not-a-type\.mjs".*an object that is not a node type/],
    ["./clash.mjs", /"\.\/clash\.mjs".*"message\.email" clashes with a built-in/],
    ["./good-twin.mjs", /"\.\/good\.mjs".*"fixture\.good" is also defined by "\.\/good-twin\.mjs"/],
  ])("stops with an error naming %s and the reason", async (plugins, message) => {
    const error = await failure(plugins);
    expect(error).toBeInstanceOf(PluginLoadError);
    expect(String(error)).toMatch(message);
  });
});
