// Example plugin: asks an HTTP scoring service for the profile's lead score, writes it to the profile and
// branches hot / cold. The service takes POST { profileId, attributes } and answers { score: number }.
import { z } from "zod";
import { defineNodeType } from "@omnijourney/shared";

const ScoreAnswer = z.object({ score: z.number().finite() });

export default defineNodeType({
  type: "example.lead_score",
  title: "Lead score",
  description: "Score the profile with an HTTP scoring service and branch on the result.",
  category: "data",
  icon: "gauge",
  version: 1,
  config: z.object({
    endpoint: z.url(),
    threshold: z.number().default(50),
    attribute: z.string().min(1).default("leadScore"),
    apiKeySecret: z.string().optional(),
  }),
  outputs: ["hot", "cold"],
  execution: "activity",
  retry: { attempts: 4, backoffMs: 500 },
  timeoutMs: 10_000,
  ui: {
    order: ["endpoint", "threshold", "attribute", "apiKeySecret"],
    labels: {
      endpoint: "Scoring URL",
      attribute: "Profile attribute",
      apiKeySecret: "API key secret",
    },
    help: { threshold: "Scores at or above it take the hot port" },
    ports: { hot: "when the score reaches the threshold", cold: "when the score is below it" },
  },
  run: async ({ config, profile, services }) => {
    const apiKey = config.apiKeySecret ? await services.secrets.get(config.apiKeySecret) : null;
    const response = await services.http(config.endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      },
      body: JSON.stringify({ profileId: profile.profileId, attributes: profile.attributes }),
    });
    if (!response.ok) throw new Error(`the scoring service answered ${response.status}`);
    const { score } = ScoreAnswer.parse(await response.json());
    await services.updateProfile([
      { op: "set", attr: config.attribute, value: String(score), valueType: "number" },
    ]);
    services.log("lead scored", { score });
    return { output: score >= config.threshold ? "hot" : "cold" };
  },
});
