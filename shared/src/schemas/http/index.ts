/** The HTTP API's response bodies: one schema each, used by the API's endpoints and the studio's client. */
export * from "./stats.js";
export * from "./journeys.js";
export * from "./simulation.js";
export * from "./node-types.js";
export * from "./profiles.js";
export * from "./segments.js";
export * from "./messages.js";
export * from "./workspace.js";
export * from "./experiments.js";
export * from "./experiment-decision.js";
export * from "./errors.js";
export * from "./message-preview.js";
export * from "./team.js";
export * from "./templates.js";
export * from "./profile-search.js";
