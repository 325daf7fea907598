// The OpenAPI document is what generators and validators read: it must be a valid OpenAPI 3.1 document, every
// `$ref` must resolve inside it, and a typed client generated from it must compile. Before, each operation embedded
// `#/$defs/...` references to nothing, and standard validators refused the document.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../src/openapi.js";
import { apiEndpoints, publicEndpoints } from "../src/routes/index.js";

const document = openApiDocument([
  { prefix: "", endpoints: publicEndpoints },
  { prefix: "/api", endpoints: apiEndpoints },
]);

/** Every `$ref` in a value, with where it was found. */
const refsIn = (value: unknown, at = "#"): { at: string; ref: string }[] => {
  if (Array.isArray(value)) return value.flatMap((v, i) => refsIn(v, `${at}/${i}`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === "$ref" && typeof child === "string"
      ? [{ at, ref: child }]
      : refsIn(child, `${at}/${key}`),
  );
};

/** The value a local JSON pointer (`#/components/schemas/Error`) names, or undefined. */
const resolve = (pointer: string): unknown =>
  pointer
    .slice(2)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>(
      (node, part) =>
        typeof node === "object" && node !== null
          ? (node as Record<string, unknown>)[part] // why: walking parsed JSON by a pointer's parts
          : undefined,
      document,
    );

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document for a standard validator", async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? [], JSON.stringify(result.errors ?? []).slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("resolves every $ref inside the document and embeds no $defs", () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(10);
    const dangling = refs.filter(({ ref }) => !ref.startsWith("#/") || resolve(ref) === undefined);
    expect(dangling).toEqual([]);
    expect(JSON.stringify(document)).not.toContain('"$defs"');
  });

  it("generates a typed client that compiles (openapi-typescript)", async () => {
    const generated = astToString(await openapiTS(structuredClone(document) as never)); // why: the generator's input type is its own OpenAPI3 interface; our document is plain JSON of that shape
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omnij-openapi-"));
    try {
      fs.writeFileSync(path.join(dir, "api.ts"), generated);
      fs.writeFileSync(
        path.join(dir, "use.ts"),
        [
          'import type { paths, components } from "./api";',
          'type Journeys = paths["/api/journeys"]["get"]["responses"]["200"]["content"]["application/json"];',
          'type ErrorBody = components["schemas"]["Error"];',
          "export const code = (e: ErrorBody): string => e.error.code;",
          "export type { Journeys };",
        ].join("\n"),
      );
      const program = ts.createProgram([path.join(dir, "use.ts")], {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
      });
      const problems = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      expect(problems).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
