import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const studio = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The studio file that reads `atSeconds` from the shared `SimulationResult`. */
const reader = join(studio, "src/panels/test/SimulationResultView.tsx");
/** The declaration of the schema as the studio's typecheck sees it (the built `@omnijourney/shared`). */
const schemaFile = join(
  dirname(createRequire(import.meta.url).resolve("@omnijourney/shared")),
  "schemas/http/simulation.d.ts",
);

const compilerOptions = (): ts.CompilerOptions => {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(studio, "tsconfig.json"), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error("studio/tsconfig.json does not parse");
  return { ...parsed.options, noEmit: true };
};

/** Type errors in the reader when the shared schema file reads as `rewrite` makes it; nothing is written to disk. */
let previous: ts.Program | undefined;
const readerErrors = (options: ts.CompilerOptions, rewrite: (text: string) => string) => {
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => {
    const text = readFile(file);
    return text !== undefined && resolve(file) === schemaFile ? rewrite(text) : text;
  };
  // Reusing the previous program keeps every unchanged file parsed once (React's and zod's types are large).
  const program = ts.createProgram({ rootNames: [reader], options, host, oldProgram: previous });
  previous = program;
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && resolve(d.file.fileName) === reader)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
};

describe("the studio is type-checked against the shared response schemas", () => {
  const options = compilerOptions();

  it("reads the simulation result without a type error as the schema stands", () => {
    expect(readFileSync(schemaFile, "utf8")).toContain("atSeconds");
    expect(readerErrors(options, (text) => text)).toEqual([]);
  }, 60_000);

  it("fails to typecheck when a field of the shared schema is renamed", () => {
    const errors = readerErrors(options, (text) => text.replaceAll("atSeconds", "offsetSeconds"));
    expect(errors.some((e) => e.includes("atSeconds"))).toBe(true);
  }, 60_000);
});
