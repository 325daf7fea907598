import type { Collection, Db, Document, IndexDirection } from "mongodb";

/** One index of a collection, declared with the name mongoose gave it (the server's default `field_1_other_-1`). */
export type IndexDeclaration = {
  key: Record<string, IndexDirection>;
  name: string;
  unique?: boolean;
};

/** A collection: its name and its indexes (unique ones are what make idempotent writes idempotent). */
export type CollectionDeclaration = {
  name: string;
  indexes: readonly IndexDeclaration[];
};

/** A typed driver collection for a declaration. */
export const bind = <T extends Document>(
  db: Db,
  declaration: CollectionDeclaration,
): Collection<T> => db.collection<T>(declaration.name);
