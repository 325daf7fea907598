import type { Collection, Document } from "mongodb";

/** One group of a sum: the group's key as the engine answered it, and its total. */
export type GroupSum = { key: unknown; sum: number };

const numberOr0 = (v: unknown) => (typeof v === "number" ? v : 0);

/**
 * One `$sum` per `$group`: FerretDB 1.24 answers 0 for every accumulator after the first in a group
 * (`{ n: { $sum: 1 }, cost: { $sum: "$cost" } }` gives cost 0), so each sum is its own query. `value` is 1 (a
 * count) or a field path (`"$cost"`).
 */
export const sumBy = async <T extends Document>(
  collection: Collection<T>,
  match: Document,
  key: unknown,
  value: 1 | `$${string}`,
): Promise<GroupSum[]> => {
  const rows = await collection
    .aggregate([{ $match: match }, { $group: { _id: key, sum: { $sum: value } } }])
    .toArray();
  return rows.map((row) => ({ key: row._id, sum: numberOr0(row.sum) }));
};
