/** The workflow bundle's entry: every workflow the worker registers. */
export { journeyWorkflow } from "./journey.js";
export { simulationWorkflow } from "./simulation.js";
export { eventSignal, stateQuery } from "./signals.js";
export { segmentSweepWorkflow } from "./segment-sweep.js";
