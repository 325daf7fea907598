/** A JSON object as the tests read response bodies. */
export type Json = Record<string, unknown>;

/** The response body, with the one error shape typed for the tests that expect an error. */
export const json = async (res: Response) =>
  (await res.json()) as Json & { error?: { code: string; details: Json } }; // why: a test reads whatever the endpoint answers
