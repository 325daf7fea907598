import { JourneyDocument } from "@omnijourney/shared";
import { safe } from "../../schemas/common.js";

/** The OpenAPI tag of every journeys endpoint. */
export const tags = ["journeys"];

/** A journey document as a request body (stored keys checked). */
export const JourneyBody = safe(JourneyDocument).meta({ id: "JourneyDocument" });
