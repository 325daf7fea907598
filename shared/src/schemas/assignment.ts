import { z } from "zod";
import { AttributePath } from "../conditions/schema.js";

/** How a `set` value (a Liquid template) is converted after rendering. */
export const AssignmentValueType = z.enum(["string", "number", "boolean", "date", "json"]);

/** One profile attribute change made by `profile.update`. `set` values are Liquid templates rendered by the runtime. */
export const ProfileAssignment = z.discriminatedUnion("op", [
  z.object({
    op: z.literal("set"),
    attr: AttributePath,
    value: z.string().max(10_000),
    valueType: AssignmentValueType.default("string"),
  }),
  z.object({ op: z.literal("unset"), attr: AttributePath }),
  z.object({ op: z.literal("increment"), attr: AttributePath, by: z.number().default(1) }),
]);
/** A profile attribute change. */
export type ProfileAssignment = z.infer<typeof ProfileAssignment>;
