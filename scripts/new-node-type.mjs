// `npm run new-node-type -- acme.thing`: scaffolds a plugin node type — its module, its test, a tsconfig that
// type-checks both, and its entry in omnijourney.config.mjs — so a new node type starts from something that
// already loads, validates, runs and passes typecheck, lint and its own test.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The registry's rule (shared/src/registry.ts), plus a namespace: custom types are "vendor.name". */
const TYPE_PATTERN = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;
const CONFIG_FILE = "omnijourney.config.mjs";

class UsageError extends Error {}

const words = (type) => type.split(/[._-]/).filter(Boolean);
const titleOf = (type) => {
  const [first = "", ...rest] = words(type);
  return [first[0].toUpperCase() + first.slice(1), ...rest].join(" ");
};
const secretOf = (type) => `${words(type).join("_").toUpperCase()}_URL`;

const pluginSource = (
  type,
) => `// ${titleOf(type)}: a custom node type (docs/custom-node-types.md). It posts the step's message as JSON to
// the URL kept in a workspace secret, and follows "failed" when the receiver refuses it.
import { z } from "zod";
import { defineNodeType } from "@omnijourney/shared";

export default defineNodeType({
  type: "${type}",
  title: "${titleOf(type)}",
  description: "Describe in one sentence what this step does for the marketer.",
  category: "action",
  icon: "zap",
  // Bump when the config changes shape, and add \`migrate(fromVersion, config)\` so published journeys keep running.
  version: 1,
  config: z.object({
    message: z.string().min(1).max(2_000),
    endpointSecret: z.string().min(1).default("${secretOf(type)}"),
  }),
  outputs: ["next", "failed"],
  execution: "activity",
  retry: { attempts: 3, backoffMs: 1_000 },
  timeoutMs: 10_000,
  ui: {
    order: ["message", "endpointSecret"],
    labels: { message: "Message", endpointSecret: "Endpoint secret" },
    help: { endpointSecret: "Name of the workspace secret holding the URL to post to" },
    multiline: ["message"],
    ports: { failed: "when the receiver refuses the message" },
  },
  run: async ({ config, profile, services }) => {
    const url = await services.secrets.get(config.endpointSecret);
    if (!url) {
      services.log("${type}: the endpoint secret is not set", { secret: config.endpointSecret });
      return { output: "failed" };
    }
    const response = await services.http(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ profileId: profile.profileId, message: config.message }),
    });
    if (response.ok) return { output: "next" };
    // A 4xx will not succeed on a retry; anything else throws, so the retry policy above tries again.
    if (response.status < 500) return { output: "failed" };
    throw new Error(\`the receiver answered \${response.status}\`);
  },
});
`;

const testSource = (type) => `import { describe, expect, it } from "vitest";
import { StoredProfile, type HttpInit, type NodeRunContext, type NodeServices } from "@omnijourney/shared";
import nodeType from "./index.js";

type Config = ReturnType<typeof nodeType.config.parse>;

/** Runs the step with services that answer like a receiver with the given status. */
async function runWith(status: number, secret: string | null = "https://hooks.example.com/in") {
  const posted: { url: string; init: HttpInit | undefined }[] = [];
  const services: NodeServices = {
    http: async (url, init) => {
      posted.push({ url, init });
      return new Response("", { status });
    },
    secrets: { get: async () => secret },
    send: async () => ({ status: "sent" }),
    updateProfile: async () => {},
    isInSegment: async () => false,
    log: () => {},
    render: async (template) => template,
  };
  const context: NodeRunContext<Config> = {
    config: nodeType.config.parse({ message: "Hello" }),
    profile: StoredProfile.parse({ profileId: "ada", createdAt: new Date(), updatedAt: new Date() }),
    event: null,
    enrolment: { journeyId: "j", version: 1, profileId: "ada", workflowId: "w", nodeId: "n", visit: 1 },
    services,
  };
  if (!nodeType.run) throw new Error("${type} has no run()");
  return { result: await nodeType.run(context), posted };
}

describe("${type}", () => {
  it("declares its ports and fills the secret's default", () => {
    expect(nodeType.type).toBe("${type}");
    expect(nodeType.outputsFor(nodeType.config.parse({ message: "Hi" }))).toEqual(["next", "failed"]);
    expect(nodeType.config.parse({ message: "Hi" }).endpointSecret).toBe("${secretOf(type)}");
    expect(nodeType.config.safeParse({}).success).toBe(false);
  });

  it("posts the message and follows next", async () => {
    const { result, posted } = await runWith(200);
    expect(result.output).toBe("next");
    expect(posted).toHaveLength(1);
    expect(JSON.parse(String(posted[0]?.init?.body))).toEqual({ profileId: "ada", message: "Hello" });
  });

  it("follows failed when refused or unconfigured, and throws for a retry on a 5xx", async () => {
    expect((await runWith(400)).result.output).toBe("failed");
    expect((await runWith(200, null)).result.output).toBe("failed");
    await expect(runWith(503)).rejects.toThrow("503");
  });
});
`;

const tsconfigSource = () =>
  `${JSON.stringify(
    {
      // Self-contained so \`npx tsc -p\` this folder type-checks the plugin and its test.
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ["node"],
      },
      include: ["*.ts"],
    },
    null,
    2,
  )}\n`;

/** Writes a file formatted by the project's Prettier settings, so the scaffold's output passes `npm run lint`. */
async function writeFormatted(file, source) {
  const prettier = await import("prettier");
  const options = (await prettier.resolveConfig(path.join(projectRoot, "package.json"))) ?? {};
  fs.writeFileSync(file, await prettier.format(source, { ...options, filepath: file }));
}

/** Adds the plugin to omnijourney.config.mjs, creating the file when there is none. */
async function addToConfig(root, specifier) {
  const file = path.join(root, CONFIG_FILE);
  if (!fs.existsSync(file)) {
    const source = `// Plugins (custom node types) that the worker, the API and the tests load: docs/custom-node-types.md.\nexport default {\n  plugins: [\n    "${specifier}",\n  ],\n};\n`;
    await writeFormatted(file, source);
    return `created ${CONFIG_FILE}`;
  }
  const source = fs.readFileSync(file, "utf8");
  if (source.includes(`"${specifier}"`)) return `${CONFIG_FILE} already lists it`;
  const list = /plugins\s*:\s*\[/.exec(source);
  if (!list)
    throw new UsageError(
      `${CONFIG_FILE} has no "plugins: [" list to add to; add "${specifier}" to it by hand`,
    );
  const at = list.index + list[0].length;
  await writeFormatted(file, `${source.slice(0, at)}\n    "${specifier}",${source.slice(at)}`);
  return `added it to ${CONFIG_FILE}`;
}

/** Writes the plugin's files under `root`; returns what it did, line by line. */
export async function scaffold(type, root = projectRoot) {
  if (!TYPE_PATTERN.test(type ?? ""))
    throw new UsageError(
      `"${type ?? ""}" is not a node type name: use lower-case words joined by dots, with your namespace first (acme.thing)`,
    );
  const folder = path.join("plugins", type.replaceAll(".", "-"));
  const dir = path.join(root, folder);
  if (fs.existsSync(dir)) throw new UsageError(`${folder} already exists; pick another name`);
  fs.mkdirSync(dir, { recursive: true });
  await writeFormatted(path.join(dir, "index.ts"), pluginSource(type));
  await writeFormatted(path.join(dir, "index.test.ts"), testSource(type));
  await writeFormatted(path.join(dir, "tsconfig.json"), tsconfigSource());
  const specifier = `./${folder.split(path.sep).join("/")}/index.ts`;
  return [
    `created ${folder}/index.ts, index.test.ts and tsconfig.json`,
    await addToConfig(root, specifier),
    `next: npx vitest run ${folder} · npx tsc -p ${folder} · restart npm start to see "${titleOf(type)}" in the palette`,
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { root: { type: "string" } },
    });
    if (positionals.length !== 1)
      throw new UsageError("usage: npm run new-node-type -- <vendor.name> [--root <dir>]");
    const root = values.root ? path.resolve(values.root) : projectRoot;
    for (const line of await scaffold(positionals[0], root)) console.log(line);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
