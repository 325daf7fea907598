import type { JourneyRuntime } from "@omnijourney/runtime";

/** What the API uses of the journey runtime (contracts.md, "runtime → api"). */
export type JourneyRuntimeApi = Pick<
  JourneyRuntime,
  "enrol" | "signalEvent" | "cancelEnrolments" | "simulate"
>;
