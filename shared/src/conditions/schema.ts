import { z } from "zod";
import { Duration } from "../schemas/duration.js";
import { Channel } from "../schemas/channel.js";
import { UNSAFE_KEYS } from "../keys.js";
import { assertNever } from "../assert.js";
import { conditionKind } from "./kind.js";

/**
 * How many timestamps each event counter keeps in `recent` (newest first). Windowed event conditions
 * ("count_gte 3 within 30 days") read the Nth-newest timestamp, so N may not exceed this cap.
 */
export const RECENT_CAP = 100;
/** Deepest allowed nesting of `all` / `any` / `not` in one condition. */
export const MAX_CONDITION_DEPTH = 10;
/** Most leaves one condition may hold. */
export const MAX_CONDITION_LEAVES = 200;

/** A dotted attribute path ("plan", "address.city", "consent.sms"). No empty segments, no prototype keys. */
export const AttributePath = z
  .string()
  .min(1)
  .max(200)
  .refine((p) => p.split(".").every((s) => s.length > 0 && !UNSAFE_KEYS.has(s)), {
    message: "Use a field name like 'plan' or 'address.city' (no empty parts, no reserved names)",
  });

/** An event name as tracked (Segment `event`). */
export const EventName = z.string().min(1).max(200);

/** A scalar a condition compares against. */
export const Scalar = z.union([z.string().max(1000), z.number(), z.boolean()]);
/** A scalar comparison value. */
export type Scalar = z.infer<typeof Scalar>;

/** A date a `before` / `after` condition compares with: an ISO-8601 date-time, or relative to now. */
export const DateValue = z.union([
  z.iso.datetime({ offset: true }),
  z.iso.date(),
  Duration.extend({ direction: z.enum(["ago", "from_now"]) }),
]);
/** A date operand: absolute ISO string or `{ amount, unit, direction }`. */
export type DateValue = z.infer<typeof DateValue>;

const leafOps = (attr: z.ZodType<string>) =>
  z.discriminatedUnion("op", [
    z.object({ attr, op: z.enum(["eq", "neq"]), value: Scalar }),
    z.object({
      attr,
      op: z.enum(["gt", "gte", "lt", "lte"]),
      value: z.union([z.number(), z.string().max(1000)]),
    }),
    z.object({ attr, op: z.literal("in"), value: z.array(Scalar).min(1).max(100) }),
    z.object({
      attr,
      op: z.literal("contains"),
      value: z.union([z.string().min(1).max(1000), z.number(), z.boolean()]),
    }),
    z.object({ attr, op: z.literal("exists"), value: z.boolean().default(true) }),
    z.object({ attr, op: z.enum(["before", "after"]), value: DateValue }),
  ]);

/** A test on one field: profile attributes (`attr: "x.y"` reads `attributes.x.y`; `consent.<channel>` reads that channel's marketing consent) or, inside `where`, the event's properties. */
export const AttributeCondition = leafOps(AttributePath);
/** A field test. */
export type AttributeCondition = z.infer<typeof AttributeCondition>;

/** A condition over one event's properties (trigger filters, `wait.event`, goals, and `where` of event conditions). */
export type PropertyCondition =
  | AttributeCondition
  | { all: PropertyCondition[] }
  | { any: PropertyCondition[] }
  | { not: PropertyCondition };

/** Schema of {@link PropertyCondition}. */
export const PropertyCondition: z.ZodType<PropertyCondition> = z.lazy(() =>
  z.union([
    AttributeCondition,
    z.strictObject({ all: z.array(PropertyCondition).max(MAX_CONDITION_LEAVES) }),
    z.strictObject({ any: z.array(PropertyCondition).max(MAX_CONDITION_LEAVES) }),
    z.strictObject({ not: PropertyCondition }),
  ]),
);

const eventBase = {
  event: EventName,
  within: Duration.optional(),
  /** `entry`: count only the events since the profile entered the journey (branches and exit conditions). */
  since: z.literal("entry").optional(),
  where: PropertyCondition.optional(),
};

/** A test on the profile's event history, answered from the per-profile event counters. */
export const EventCondition = z.discriminatedUnion("op", [
  z.object({
    ...eventBase,
    op: z.enum(["count_gte", "count_lte"]),
    value: z.number().int().min(0).max(1_000_000),
  }),
  z.object({ ...eventBase, op: z.enum(["performed", "not_performed"]) }),
]);
/** An event-history test. */
export type EventCondition = z.infer<typeof EventCondition>;

/** A profile condition: `all`, `any`, `not`, attribute tests and event-history tests (DESIGN.md "Conditions"). */
export type Condition =
  | AttributeCondition
  | EventCondition
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** Schema of {@link Condition} (structure only; use {@link ConditionField} in configs for the limits). */
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    AttributeCondition,
    EventCondition,
    z.strictObject({ all: z.array(Condition).max(MAX_CONDITION_LEAVES) }),
    z.strictObject({ any: z.array(Condition).max(MAX_CONDITION_LEAVES) }),
    z.strictObject({ not: Condition }),
  ]),
);

/** Kind of a condition node, for exhaustive switches. */
export { conditionKind, type ConditionKind } from "./kind.js";

/** Problems with a parsed condition beyond its shape: nesting depth, number of leaves, windowed counts over the cap, consent values. */
export function conditionLimitIssues(
  c: Condition | PropertyCondition,
  options: { properties?: boolean } = {},
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  let leaves = 0;
  const walk = (
    node: Condition | PropertyCondition,
    path: (string | number)[],
    depth: number,
    onEvent = false,
  ): void => {
    if (depth > MAX_CONDITION_DEPTH) {
      issues.push({
        path,
        message: `Conditions may be nested at most ${MAX_CONDITION_DEPTH} levels deep`,
      });
      return;
    }
    const kind = conditionKind(node);
    switch (kind) {
      case "all":
      case "any": {
        const list: (Condition | PropertyCondition)[] =
          "all" in node ? node.all : "any" in node ? node.any : [];
        list.forEach((child, i) => walk(child, [...path, kind, i], depth + 1, onEvent));
        return;
      }
      case "not":
        if ("not" in node) walk(node.not, [...path, "not"], depth + 1, onEvent);
        return;
      case "event":
        leaves++;
        if ("event" in node) {
          if ((node.within || node.since) && (node.op === "count_gte" || node.op === "count_lte")) {
            const needed = node.op === "count_gte" ? node.value : node.value + 1;
            if (needed > RECENT_CAP) {
              issues.push({
                path: [...path, "value"],
                message: `Counts within a time window can go up to ${RECENT_CAP} events`,
              });
            }
          }
          if (node.where) walk(node.where, [...path, "where"], depth + 1, true);
        }
        return;
      case "attribute":
        leaves++;
        // Inside `where` the path reads event properties, where "consent." has no special meaning.
        if (!onEvent && "attr" in node && node.attr.startsWith("consent.")) {
          const channel = node.attr.slice("consent.".length);
          if (!Channel.safeParse(channel).success) {
            issues.push({
              path: [...path, "attr"],
              message: `'${channel}' is not a channel (use consent.email, consent.sms, …)`,
            });
          }
        }
        return;
      default:
        return assertNever(kind);
    }
  };
  walk(c, [], 1, options.properties ?? false);
  if (leaves > MAX_CONDITION_LEAVES)
    issues.push({
      path: [],
      message: `A condition may hold at most ${MAX_CONDITION_LEAVES} tests`,
    });
  return issues;
}

/** A condition as used inside node configs and settings: shape plus limits. */
export const ConditionField = Condition.superRefine((c, ctx) => {
  for (const issue of conditionLimitIssues(c))
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});

/** A property condition as used inside configs: shape plus limits. */
export const PropertyConditionField = PropertyCondition.superRefine((c, ctx) => {
  for (const issue of conditionLimitIssues(c, { properties: true }))
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});
