/** Fixtures for benchmarks and tests of other packages (`@omnijourney/shared/testing`); not used at run time. */
export { generatedJourney, type GeneratedJourneyOptions } from "./generated-journey.js";
