import { createContext, useContext } from "react";

/**
 * Whether the conditions being edited belong to a journey (a branch, an exit condition), where an event test
 * may count only the events since the profile entered it. A segment's conditions do not.
 */
export const JourneyConditionScope = createContext(false);

/** Whether "since entering the journey" is offered as an event test's window. */
export const useInJourney = (): boolean => useContext(JourneyConditionScope);
