import { randomBytes } from "node:crypto";
import mongoose from "mongoose";
import { inject } from "vitest";
import { createModels, ensureIndexes, type Models } from "../../src/models/index.js";

/** A connection to a database of this test file's own (so files never collide), with indexes built. */
export async function connectTestDb(
  file: string,
): Promise<{ connection: mongoose.Connection; models: Models; close(): Promise<void> }> {
  const { mongoUri } = inject("engines");
  const dbName = `omnij_${file}_${randomBytes(4).toString("hex")}`;
  const connection = mongoose.createConnection(mongoUri, {
    dbName,
    serverSelectionTimeoutMS: 10_000,
  });
  await connection.asPromise();
  const models = createModels(connection);
  await ensureIndexes(models);
  return {
    connection,
    models,
    async close() {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}
