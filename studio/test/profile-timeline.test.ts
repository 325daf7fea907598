import { describe, expect, it } from "vitest";
import { stepFailureReason } from "@omnijourney/shared";
import { timelineEntry } from "../src/api/profiles.js";

const enrolment = (status: string, reason: string | null) =>
  timelineEntry({
    kind: "enrolment",
    at: "2026-12-03T10:00:00.000Z",
    id: "journey:j1:p1/run",
    journeyId: "j1",
    version: 1,
    status,
    currentNodeId: "notify",
    reason,
  });

describe("a profile's journey entries", () => {
  it("say why a failed enrolment failed, without the step's id or type code", () => {
    const failed = enrolment(
      "failed",
      stepFailureReason("notify", "example.slack", "Slack is down"),
    );
    expect(failed.detail).toBe("failed: Slack is down");
  });

  it("show other enrolments by their status alone", () => {
    expect(enrolment("completed", null).detail).toBe("completed");
    expect(enrolment("exited", "exit condition").detail).toBe("exited");
  });
});
