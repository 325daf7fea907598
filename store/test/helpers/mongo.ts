import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { connectStore, type Collections } from "@omnijourney/store";

/** A connection to a database of this test file's own (so files never collide), with indexes built. */
export async function connectTestDb(
  file: string,
): Promise<{ models: Collections; close(): Promise<void> }> {
  const { mongoUri } = inject("engines");
  const dbName = `omnij_${file}_${randomBytes(4).toString("hex")}`;
  const connection = await connectStore(mongoUri, { dbName, serverSelectionTimeoutMS: 10_000 });
  return {
    models: connection.collections,
    async close() {
      await connection.db.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}
