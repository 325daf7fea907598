import { describe, expect, it } from "vitest";
import { retryOnPortClash } from "../../src/engines/index.js";

describe("starting an engine whose port was taken before it bound it", () => {
  it("starts it again (on new ports) after an EADDRINUSE, and gives up after the last attempt", async () => {
    let calls = 0;
    const started = await retryOnPortClash(async () => {
      calls += 1;
      if (calls === 1)
        throw new Error(
          "MailDev did not become healthy: listen EADDRINUSE: address already in use",
        );
      return "up";
    });
    expect(started).toBe("up");
    expect(calls).toBe(2);

    let failures = 0;
    await expect(
      retryOnPortClash(async () => {
        failures += 1;
        throw new Error("bind: address already in use");
      }, 3),
    ).rejects.toThrow(/address already in use/);
    expect(failures).toBe(3);
  });

  it("does not retry any other failure", async () => {
    let calls = 0;
    await expect(
      retryOnPortClash(async () => {
        calls += 1;
        throw new Error("FerretDB did not become healthy (no answer within 30 s)");
      }),
    ).rejects.toThrow(/no answer/);
    expect(calls).toBe(1);
  });
});
