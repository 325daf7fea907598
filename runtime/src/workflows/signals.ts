import { defineQuery, defineSignal } from "@temporalio/workflow";
import type { JourneyEvent } from "@omnijourney/shared";
import type { EnrolmentState } from "./types.js";

/** An event for a running enrolment (wait.event, cascade responses, the goal and exit criteria react to it). */
export const eventSignal = defineSignal<[JourneyEvent]>("event");

/** The enrolment's current node and what it waits for. */
export const stateQuery = defineQuery<EnrolmentState>("state");
