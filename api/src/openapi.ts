import { z } from "zod";
import { ErrorEnvelope } from "@omnijourney/shared";
import type { Endpoint } from "./http/endpoint.js";
import { BatchCall, CALLS, IngestResult } from "./ingestion/schemas.js";

type Schema = Record<string, unknown>;

const toJsonSchema = (schema: z.ZodType, io: "input" | "output"): Schema => {
  try {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
      io,
      unrepresentable: "any",
      target: "draft-2020-12",
    });
    return rest;
  } catch {
    return {};
  }
};

/**
 * Named schemas (`.meta({ id })`) of the whole document, gathered from the `$defs` each conversion embeds: zod
 * converts one schema at a time and refers to its named parts as `#/$defs/Name`, which do not exist at the root of
 * an OpenAPI document. They move to `components/schemas`, and every `$ref` follows. A schema whose input and
 * output forms differ (defaults, transforms) gets both, the input one as `NameInput`.
 */
class ComponentSchemas {
  readonly schemas: Record<string, Schema> = {};

  /** The schema as the document refers to it, its named parts moved to the components. */
  of(schema: z.ZodType, io: "input" | "output"): Schema {
    const { $defs, ...rest } = toJsonSchema(schema, io);
    const renames = new Map<string, string>();
    for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, Schema>))
      renames.set(name, this.store(name, def, io));
    const relink = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(relink);
      if (typeof value !== "object" || value === null) return value;
      const out: Schema = {};
      for (const [key, child] of Object.entries(value)) {
        const local =
          key === "$ref" && typeof child === "string" && /^#\/\$defs\/(.+)$/.exec(child);
        out[key] = local
          ? `#/components/schemas/${renames.get(local[1] ?? "") ?? local[1]}`
          : relink(child);
      }
      return out;
    };
    for (const name of renames.values()) this.schemas[name] = relink(this.schemas[name]) as Schema;
    return relink(rest) as Schema;
  }

  private store(name: string, def: Schema, io: "input" | "output"): string {
    const same = (other: Schema | undefined) =>
      other !== undefined && JSON.stringify(other) === JSON.stringify(def);
    if (this.schemas[name] === undefined || same(this.schemas[name])) {
      this.schemas[name] = def;
      return name;
    }
    const alternative = `${name}${io === "input" ? "Input" : "Output"}`;
    this.schemas[alternative] = def;
    return alternative;
  }
}

/** `/journeys/:id` → `/journeys/{id}` */
const openApiPath = (path: string): string => path.replace(/:(\w+)/g, "{$1}");

const parameters = (
  c: ComponentSchemas,
  schema: z.ZodType | undefined,
  where: "path" | "query",
): Schema[] => {
  if (!schema) return [];
  const json = c.of(schema, "input");
  const props = (json.properties ?? {}) as Record<string, Schema>; // why: JSON Schema of a zod object has object-valued properties
  const required = new Set((json.required as string[] | undefined) ?? []); // why: JSON Schema's `required` is a string list
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    schema: s,
  }));
};

const errorResponse = {
  description: "Error",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

const operation = (c: ComponentSchemas, ep: Endpoint): Schema => ({
  summary: ep.summary,
  tags: ep.tags,
  operationId:
    ep.operationId ??
    `${ep.method}${ep.path.replace(/[/:{}-]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
  security:
    ep.auth === "bearer"
      ? [{ bearer: [] }, { session: [] }]
      : ep.auth === "writeKey"
        ? [{ writeKey: [] }]
        : [],
  // The least role that may call it (docs/teams.md); the role table test reads it from here.
  "x-role": ep.role,
  parameters: [...parameters(c, ep.params, "path"), ...parameters(c, ep.query, "query")],
  ...(ep.body
    ? {
        requestBody: {
          required: true,
          content: { "application/json": { schema: c.of(ep.body, "input") } },
        },
      }
    : {}),
  responses: {
    [String(ep.status ?? 200)]: ep.raw
      ? { description: ep.raw.description, content: { [ep.raw.contentType]: {} } }
      : ep.response
        ? {
            description: "Success",
            content: { "application/json": { schema: c.of(ep.response, "output") } },
          }
        : { description: "Success" },
    "4XX": errorResponse,
  },
});

const ingestionOperations = (c: ComponentSchemas): Record<string, Schema> => {
  const ops: Record<string, Schema> = {};
  const calls: [string, z.ZodType][] = [...Object.entries(CALLS), ["batch", BatchCall]];
  for (const [name, schema] of calls) {
    ops[`/v1/${name}`] = {
      post: {
        summary: `Segment-compatible ${name} call`,
        tags: ["ingestion"],
        operationId: `ingest${name[0]?.toUpperCase() ?? ""}${name.slice(1)}`,
        security: [{ writeKey: [] }],
        requestBody: {
          required: true,
          content: { "application/json": { schema: c.of(schema, "input") } },
        },
        responses: {
          "200": {
            description: "Stored durably",
            content: { "application/json": { schema: c.of(IngestResult, "output") } },
          },
          "4XX": errorResponse,
        },
      },
    };
  }
  return ops;
};

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes enforce. */
export const openApiDocument = (endpoints: { prefix: string; endpoints: Endpoint[] }[]): Schema => {
  const components = new ComponentSchemas();
  components.of(ErrorEnvelope, "output"); // every operation's error response refers to it
  const paths: Record<string, Record<string, Schema>> = {};
  for (const group of endpoints) {
    for (const ep of group.endpoints) {
      const path = openApiPath(`${group.prefix}${ep.path}`);
      paths[path] = { ...paths[path], [ep.method]: operation(components, ep) };
    }
  }
  Object.assign(paths, ingestionOperations(components));
  return {
    openapi: "3.1.0",
    info: {
      title: "Omnijourney API",
      version: "0.1.0",
      description:
        "Management API (bearer token) and Segment-compatible ingestion (HTTP Basic, write key as user name). Every error has the shape { error: { code, message, details } }.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "The admin token, or a bearer API key (acts with the key's role)",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "oj_session",
          description:
            "The studio's session; unsafe methods also send x-csrf-token (docs/teams.md)",
        },
        writeKey: {
          type: "http",
          scheme: "basic",
          description: "The write key as user name, empty password",
        },
      },
      schemas: components.schemas,
    },
    paths,
  };
};
