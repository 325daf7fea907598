import { z } from "zod";
import { AttributePath, type Condition } from "../../conditions/schema.js";

/** How the Profiles search compares an attribute with the value typed. */
export const AttributeSearchOp = z.enum([
  "eq",
  "neq",
  "contains",
  "gt",
  "gte",
  "lt",
  "lte",
  "exists",
]);
/** An attribute search's comparison. */
export type AttributeSearchOp = z.infer<typeof AttributeSearchOp>;

/**
 * `GET /api/profiles` filters beside the id/email prefix `query`: one attribute test (`attr`, `op`, `value`:
 * `plan` `eq` `pro`, `email` `contains` `@example.com`) and membership of a segment (`segmentId`, its
 * condition now). All given filters apply together.
 */
export const ProfileSearchFields = z.object({
  query: z.string().max(200).optional(),
  attr: AttributePath.optional(),
  op: AttributeSearchOp.default("eq"),
  value: z.string().max(1000).optional(),
  segmentId: z.string().min(1).max(256).optional(),
});
/** The Profiles search's filters. */
export type ProfileSearchFields = z.infer<typeof ProfileSearchFields>;

/** The checks across fields of a profile search: a value needs its attribute, a comparison its value. */
export const checkProfileSearch = (
  q: Pick<ProfileSearchFields, "attr" | "op" | "value">,
  ctx: z.RefinementCtx,
): void => {
  if (q.value !== undefined && q.value !== "" && !q.attr)
    ctx.addIssue({
      code: "custom",
      path: ["attr"],
      message: "name the attribute to compare the value with",
    });
  if (q.attr && q.op !== "exists" && (q.value === undefined || q.value === ""))
    ctx.addIssue({
      code: "custom",
      path: ["value"],
      message: `a value is needed to compare ${q.attr} with`,
    });
};

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The attribute test as a condition. What is typed is text; a number or true/false typed also matches the
 * attribute stored as that number or boolean (`plan = pro`, `seats = 3`, `trial = true`).
 */
export function attributeSearchCondition(
  attr: string,
  op: AttributeSearchOp,
  value: string | undefined,
): Condition {
  const text = value ?? "";
  const typed: (string | number | boolean)[] = [text];
  if (NUMBER.test(text)) typed.push(Number(text));
  if (text === "true" || text === "false") typed.push(text === "true");
  switch (op) {
    case "exists":
      return { attr, op: "exists", value: true };
    case "contains":
      return { attr, op: "contains", value: text };
    // One test when the text reads as nothing else: a plain equality the engine can answer without an $or.
    case "eq":
      return typed.length === 1
        ? { attr, op: "eq", value: text }
        : { any: typed.map((v) => ({ attr, op: "eq" as const, value: v })) };
    case "neq":
      return typed.length === 1
        ? { attr, op: "neq", value: text }
        : { all: typed.map((v) => ({ attr, op: "neq" as const, value: v })) };
    case "gt":
    case "gte":
    case "lt":
    case "lte":
      return { attr, op, value: NUMBER.test(text) ? Number(text) : text };
  }
}
