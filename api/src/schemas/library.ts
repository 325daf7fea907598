import { CONTENT_FIELDS, templateError, type Channel } from "@omnijourney/shared";
import type { z } from "zod";

/** Refuses text whose Liquid does not parse, with the syntax error, at the field's path. */
export const liquidIssue = (source: string, path: PropertyKey[], ctx: z.RefinementCtx): void => {
  const error = templateError(source);
  if (error)
    ctx.addIssue({ code: "custom", path, message: `template error: ${error}`, input: source });
};

/** A template's fields: each one of its channel's template fields, each parsing as Liquid. */
export const checkTemplateFields = (
  value: { channel: Channel; content: Record<string, string> },
  ctx: z.RefinementCtx,
): void => {
  const known: readonly string[] = CONTENT_FIELDS[value.channel];
  for (const [field, source] of Object.entries(value.content)) {
    if (!known.includes(field))
      ctx.addIssue({
        code: "custom",
        path: ["content", field],
        message: `not a field of ${value.channel} messages (${known.join(", ")})`,
        input: field,
      });
    else liquidIssue(source, ["content", field], ctx);
  }
};

/** A snippet's body must parse as Liquid. */
export const checkSnippetBody = (value: { body: string }, ctx: z.RefinementCtx): void =>
  liquidIssue(value.body, ["body"], ctx);
