import type { Collection, Db, Document, Filter, WithId } from "mongodb";

const atomicGuards = new WeakMap<Db, Promise<boolean>>();

/**
 * Whether an update's filter is checked atomically with its write, so a guard in the filter (compare-and-set)
 * protects against a concurrent writer. MongoDB: yes. FerretDB 1.24: no — it reads the matching documents and
 * writes them back in separate statements — and any filter other than `_id` alone makes it scan the whole
 * collection, so on FerretDB writers key by `_id` alone and serialise per document in-process instead.
 */
export const guardsAreAtomic = (db: Db): Promise<boolean> => {
  let known = atomicGuards.get(db);
  if (!known) {
    known = db
      .admin()
      .command({ buildInfo: 1 })
      .then((info) => !("ferretdbVersion" in info))
      .catch(() => true);
    atomicGuards.set(db, known);
  }
  return known;
};

/** Documents by `_id`, one lookup each: FerretDB answers `_id` equality from an index but scans for `$in`. */
export const findByIds = async <T extends Document>(
  collection: Collection<T>,
  ids: readonly unknown[],
  projection?: Document,
): Promise<WithId<T>[]> => {
  const found: (WithId<T> | null)[] = await Promise.all(
    ids.map((id) =>
      // why: `_id` equality is a valid filter for every collection; the driver's Filter<T> cannot express it generically
      collection.findOne({ _id: id } as Filter<T>, projection ? { projection } : {}),
    ),
  );
  return found.filter((d) => d !== null);
};
