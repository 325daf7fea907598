// A 500-node journey document for the canvas benchmark: real built-in node types, every branching port
// connected, laid out in columns so the whole journey fits the viewport (every node is rendered).
import { generatedJourney } from "@omnijourney/shared/testing";
import type { JourneyDocument } from "../src/api/types.js";

export const NODE_COUNT = 500;
const COLUMNS = 25;

export const benchJourney = (count = NODE_COUNT): JourneyDocument =>
  generatedJourney({ nodes: count, columns: COLUMNS });
