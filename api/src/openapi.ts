import { z } from "zod";
import type { Endpoint } from "./http/endpoint.js";
import { ErrorEnvelope } from "./schemas/common.js";
import { BatchCall, CALLS, IngestResult } from "./ingestion/schemas.js";

type Schema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: "input" | "output"): Schema => {
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

/** `/journeys/:id` → `/journeys/{id}` */
const openApiPath = (path: string): string => path.replace(/:(\w+)/g, "{$1}");

const parameters = (schema: z.ZodType | undefined, where: "path" | "query"): Schema[] => {
  if (!schema) return [];
  const json = toSchema(schema, "input");
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

const operation = (ep: Endpoint): Schema => ({
  summary: ep.summary,
  tags: ep.tags,
  operationId: `${ep.method}${ep.path.replace(/[/:{}-]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
  security:
    ep.auth === "bearer" ? [{ bearer: [] }] : ep.auth === "writeKey" ? [{ writeKey: [] }] : [],
  parameters: [...parameters(ep.params, "path"), ...parameters(ep.query, "query")],
  ...(ep.body
    ? {
        requestBody: {
          required: true,
          content: { "application/json": { schema: toSchema(ep.body, "input") } },
        },
      }
    : {}),
  responses: {
    [String(ep.status ?? 200)]: ep.raw
      ? { description: ep.raw.description, content: { [ep.raw.contentType]: {} } }
      : ep.response
        ? {
            description: "Success",
            content: { "application/json": { schema: toSchema(ep.response, "output") } },
          }
        : { description: "Success" },
    "4XX": errorResponse,
  },
});

const ingestionOperations = (): Record<string, Schema> => {
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
          content: { "application/json": { schema: toSchema(schema, "input") } },
        },
        responses: {
          "200": {
            description: "Stored durably",
            content: { "application/json": { schema: toSchema(IngestResult, "output") } },
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
  const paths: Record<string, Record<string, Schema>> = {};
  for (const group of endpoints) {
    for (const ep of group.endpoints) {
      const path = openApiPath(`${group.prefix}${ep.path}`);
      paths[path] = { ...paths[path], [ep.method]: operation(ep) };
    }
  }
  Object.assign(paths, ingestionOperations());
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
        bearer: { type: "http", scheme: "bearer" },
        writeKey: {
          type: "http",
          scheme: "basic",
          description: "The write key as user name, empty password",
        },
      },
      schemas: { Error: toSchema(ErrorEnvelope, "output") },
    },
    paths,
  };
};
