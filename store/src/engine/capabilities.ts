import type {
  AnyBulkWriteOperation,
  Collection,
  Db,
  Document,
  Filter,
  UpdateFilter,
  WithId,
} from "mongodb";

/*
 * What the engines can and cannot do, for the writers and readers above this folder. The embedded engine is
 * FerretDB 1.24 on SQLite (runtime/src/engines/); production may run MongoDB. FerretDB pushes only filters on
 * `_id` down to its storage (any other filter scans the collection), so every per-document read and write in
 * the product is keyed by `_id` (profiles by profile id, enrolments by enrolment id, messages by a hash of their
 * idempotency key, membership rows and node counters by their composite key; decisions 0006, 0007). Its SQLite
 * backend also loses concurrent `$inc`s on one document, hence the per-key queue and the counter batcher here.
 * A `createIndexes` with several indexes that exist already makes FerretDB 1.24 panic ("slice bounds out of
 * range") and drop the connection, so models/index.ts creates one index per command.
 */

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

/** Ids per `$in` query: FerretDB's build answers up to 1,000 from its `_id` index (decision 0007). */
const IDS_PER_QUERY = 500;

/**
 * Documents by `_id`, one `$in` query per 500 ids (on FerretDB from its `_id` index, decision 0007), in no
 * particular order; ids without a document are left out.
 */
export const findByIds = async <T extends Document>(
  collection: Collection<T>,
  ids: readonly unknown[],
  projection?: Document,
): Promise<WithId<T>[]> => {
  const unique = [...new Set(ids)];
  const chunks = Array.from({ length: Math.ceil(unique.length / IDS_PER_QUERY) }, (_, i) =>
    unique.slice(i * IDS_PER_QUERY, (i + 1) * IDS_PER_QUERY),
  );
  const found = await Promise.all(
    chunks.map((chunk) =>
      collection
        // why: `_id` membership is a valid filter for every collection; the driver's Filter<T> cannot express it generically
        .find({ _id: { $in: chunk } } as Filter<T>, projection ? { projection } : {})
        .toArray(),
    ),
  );
  return found.flat();
};

/**
 * One statement of a bulk write that updates the document with this `_id` (and guard, where guards are atomic).
 * Where they are not (FerretDB), the statement is an `updateMany` by `_id` (still one document): an `updateOne`
 * stops after one row without draining its SQLite rows, which FerretDB's stock build keeps, with a pooled
 * connection, until the whole command ends, so a bulk of 100 hangs it for good (decision 0007; Omnijourney's own
 * build is patched, an external one may not be). `updateMany` drains its rows. On MongoDB, `updateOne`.
 */
export const updateByIdStatement = <T extends Document>(
  atomic: boolean,
  filter: Filter<T>,
  update: UpdateFilter<T>,
): AnyBulkWriteOperation<T> =>
  atomic ? { updateOne: { filter, update } } : { updateMany: { filter, update } };
