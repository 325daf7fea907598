import { nodeTypes } from "@omnijourney/shared";
import { z } from "zod";
import { asJsonSchema, type JsonSchema } from "../panels/form/jsonSchema.js";
import type { NodeTypeInfo } from "./types.js";

function toSchema(schema: z.ZodType): JsonSchema {
  try {
    // "input" mode: fields with defaults are optional in the form, as they are in the document.
    return asJsonSchema(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
  } catch {
    return { type: "object", properties: {} };
  }
}

/** Node types of the shared registry, as loaded in the browser (the built-ins). */
export function sharedNodeTypes(): NodeTypeInfo[] {
  return nodeTypes.list().map((t) => {
    let schema: JsonSchema | undefined;
    return {
      type: t.type,
      title: t.title,
      description: t.description,
      category: t.category,
      icon: t.icon,
      version: t.version,
      // Converted on first read (the node form, adding a step): the canvas never needs it, and when the API
      // answers, its JSON Schema replaces this one. Converting every type took ~70 ms of the studio's start.
      get schema(): JsonSchema {
        return (schema ??= toSchema(t.config));
      },
      staticOutputs: t.staticOutputs ? [...t.staticOutputs] : null,
      ui: t.ui,
      outputsFor: (config: unknown) => {
        // Fixed ports do not depend on the config: no parse (a journey of 500 steps opens 500 cards).
        if (t.staticOutputs) return [...t.staticOutputs];
        const parsed = t.config.safeParse(config ?? {});
        return parsed.success ? t.outputsFor(parsed.data) : null;
      },
      summarize: (config: unknown) => {
        const parsed = t.config.safeParse(config ?? {});
        return parsed.success ? t.summarize(parsed.data) : null;
      },
      custom: false,
    };
  });
}

/** The JSON Schema of journey settings, for the settings form. */
export { JourneySettings } from "@omnijourney/shared";
