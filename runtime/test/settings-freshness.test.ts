/**
 * How soon the worker sees a workspace settings change: plugin secrets at once (read past the cache), the
 * rest within the settings cache's lifetime.
 */
import { afterAll, describe, expect, it } from "vitest";
import { updateWorkspaceSettings } from "@omnijourney/store";
import { createMongoStore } from "../src/activities/mongo-store.js";
import { secretsService } from "../src/activities/plugin-services.js";
import { connectTestDb } from "./helpers/mongo.js";

const db = await connectTestDb("settings_freshness");
const { models } = db;
afterAll(() => db.close());

describe("workspace settings in the worker", () => {
  it("uses a rotated secret at once, though other settings are cached", async () => {
    // A long cache, so only a read past it can see the change.
    const store = createMongoStore(models, { settingsTtlMs: 60_000 });
    await updateWorkspaceSettings(models, {
      "secrets.HOOK_URL": "https://old.example/hook",
      currency: "EUR",
    });
    const secrets = secretsService(store);
    expect(await secrets.get("HOOK_URL")).toBe("https://old.example/hook");
    expect((await store.getSettings()).currency).toBe("EUR");

    await updateWorkspaceSettings(models, {
      "secrets.HOOK_URL": "https://new.example/hook",
      currency: "USD",
    });
    expect(await secrets.get("HOOK_URL")).toBe("https://new.example/hook");
    // The fresh read refreshed the cache for everything else too.
    expect((await store.getSettings()).currency).toBe("USD");

    await updateWorkspaceSettings(models, { currency: "GBP" });
    expect((await store.getSettings()).currency).toBe("USD");
    expect(await secrets.get("MISSING")).toBeNull();
    expect((await store.getSettings()).currency).toBe("GBP");
  });
});
