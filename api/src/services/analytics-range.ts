import { z } from "zod";
import { addDays, dayOf, isDay } from "@omnijourney/shared";
import { validationError } from "../errors.js";

/** The longest range one analytics request covers. */
export const MAX_RANGE_DAYS = 366;
/** The range when a request names none: the last 30 days, today included. */
export const DEFAULT_RANGE_DAYS = 30;

const DayParam = z.string().max(10).refine(isDay, { message: "must be a day as YYYY-MM-DD" });

/** `from` and `to` of an analytics query (both optional, UTC days, both included). */
export const RangeQuery = z.object({ from: DayParam.optional(), to: DayParam.optional() });

/** A resolved range. */
export type Range = { from: string; to: string };

/**
 * The range a query names, defaulting to the 30 days up to `to` (or today). A backwards or too long range is a 400
 * naming `query.from`.
 */
export function resolveRange(
  query: { from?: string | undefined; to?: string | undefined },
  now = new Date(),
): Range {
  const to = query.to ?? dayOf(now);
  const from = query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  const problem =
    from > to
      ? "must not be after `to`"
      : addDays(from, MAX_RANGE_DAYS) <= to
        ? `must be at most ${MAX_RANGE_DAYS} days before \`to\``
        : null;
  if (problem)
    throw validationError([{ path: "query.from", code: "invalid_range", message: problem }]);
  return { from, to };
}
