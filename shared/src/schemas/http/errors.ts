import { z } from "zod";

/** The one error shape of every response that is not a success: `{ error: { code, message, details } }`. */
export const ErrorEnvelope = z
  .object({
    error: z.object({
      /** Machine-readable (`not_found`, `invalid_request`, `invalid_journey`, …). */
      code: z.string(),
      /** A sentence for a person. */
      message: z.string(),
      /** What the code needs (`fields` naming the offending inputs, `problems`, …). */
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: "Error" });
/** An error response body. */
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
