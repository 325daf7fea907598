import {
  createJourney,
  deleteJourney,
  getJourney,
  listJourneys,
  saveJourney,
  validateDocument,
} from "./crud.js";
import { archive, pause, publish, resume } from "./lifecycle.js";
import { getVersion, listVersions, restoreVersionEndpoint } from "./versions.js";
import { enrol } from "./enrol.js";
import { stats } from "./stats.js";
import { experiment, experimentWinner } from "./experiments.js";
import { simulate } from "./simulate.js";

/** The journeys resource, in the order the routes are mounted and documented. */
export const journeyEndpoints = [
  listJourneys,
  createJourney,
  validateDocument,
  getJourney,
  saveJourney,
  deleteJourney,
  publish,
  pause,
  resume,
  archive,
  listVersions,
  getVersion,
  restoreVersionEndpoint,
  enrol,
  stats,
  experiment,
  experimentWinner,
  simulate,
];
