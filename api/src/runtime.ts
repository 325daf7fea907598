/**
 * What the API needs from the journey runtime (contracts.md, "runtime → api"). `startApi` passes
 * the runtime package's `createJourneyRuntime(...)`; tests may pass the same.
 */
import type { JourneyEvent } from "@omnijourney/shared";

export type EnrolEvent = JourneyEvent;

export interface JourneyRuntimeApi {
  enrol(input: { journeyId: string; version: number; profileId: string; event: EnrolEvent | null }): Promise<unknown>;
  signalEvent(input: { profileId: string; event: EnrolEvent }): Promise<unknown>;
  cancelEnrolments(input: { journeyId?: string; profileId?: string }): Promise<unknown>;
  simulate(input: {
    plan: unknown;
    profile: unknown;
    events: { event: string; properties?: Record<string, unknown>; atSeconds: number }[];
  }): Promise<unknown>;
}
