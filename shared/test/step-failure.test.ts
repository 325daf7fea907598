import { describe, expect, it } from "vitest";
import { stepFailureMessage, stepFailureReason } from "../src/index.js";

describe("step failure reasons", () => {
  it("records the step and its type for engineers, and shows people only the message", () => {
    const reason = stepFailureReason("notify", "example.slack", "Slack answered 500: down");
    expect(reason).toBe("step notify (example.slack) failed: Slack answered 500: down");
    expect(stepFailureMessage(reason)).toBe("Slack answered 500: down");
  });

  it("leaves any other reason as it is", () => {
    expect(stepFailureMessage("stopped after 800 steps (plan.maxSteps)")).toBe(
      "stopped after 800 steps (plan.maxSteps)",
    );
  });
});
