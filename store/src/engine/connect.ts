import { MongoClient, type Db } from "mongodb";
import { collections, ensureIndexes, type Collections } from "../models/index.js";

/** An open connection to the database: its typed collections and a way to close it. */
export type StoreConnection = {
  client: MongoClient;
  db: Db;
  collections: Collections;
  /** Answers true while the server answers a `ping`. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

export type ConnectOptions = {
  /** Database name when the URI names none (tests use one database per file). */
  dbName?: string;
  serverSelectionTimeoutMS?: number;
  /** Create the declared indexes before resolving (default true: unique keys make writes idempotent). */
  ensureIndexes?: boolean;
};

const pingDb = async (db: Db): Promise<boolean> => {
  try {
    const reply = await db.command({ ping: 1 });
    return reply.ok === 1;
  } catch {
    return false;
  }
};

/** Connects to a MongoDB-wire server from a URI, checks it answers, and (by default) ensures the indexes. */
export async function connectStore(
  uri: string,
  options: ConnectOptions = {},
): Promise<StoreConnection> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 15_000,
  });
  await client.connect();
  const db = client.db(options.dbName);
  await db.command({ ping: 1 });
  if (options.ensureIndexes ?? true) await ensureIndexes(db);
  return {
    client,
    db,
    collections: collections(db),
    ping: () => pingDb(db),
    close: () => client.close(),
  };
}

/** Answers true once the server at `uri` answers a `ping` (engine provisioning polls this). */
export async function mongoIsHealthy(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 2000 });
  try {
    await client.connect();
    return await pingDb(client.db("admin"));
  } finally {
    await client.close();
  }
}
