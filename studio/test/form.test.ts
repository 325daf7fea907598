import { nodeTypes } from "@omnijourney/shared";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import {
  alternatives,
  asJsonSchema,
  bestAlternative,
  defaultFor,
  enumOptions,
  humanise,
  singular,
  resolve,
  shownValue,
} from "../src/panels/form/jsonSchema.js";
import { fieldErrors } from "../src/panels/problemPaths.js";
import { parseScalar } from "../src/components/ConditionBuilder.js";

/** Each built-in node type's JSON Schema, exactly as the config form receives it. */
const schemaOf = (type: string) => {
  const t = nodeTypes.get(type);
  if (!t) throw new Error(`no ${type}`);
  return asJsonSchema(z.toJSONSchema(t.config, { io: "input", unrepresentable: "any" }));
};

describe("config form over node-type JSON Schemas", () => {
  it("starts every built-in node type from a config object with its required fields present", () => {
    for (const t of nodeTypes.list()) {
      const schema = schemaOf(t.type);
      const value = defaultFor(schema, schema);
      expect(typeof value, t.type).toBe("object");
      for (const key of resolve(schema, schema).required ?? [])
        expect(value, `${t.type}.${key}`).toHaveProperty(key);
    }
  });

  it("a new wait-for-event node starts with a timeout whose unit is one of the allowed units", () => {
    const schema = schemaOf("wait.event");
    const value = defaultFor(schema, schema) as { timeout: { unit: string } }; // why: asserted shape of this one schema
    expect(["second", "minute", "hour", "day", "week"]).toContain(value.timeout.unit);
  });

  it("offers the channel list of a cascade step as a choice between its variants", () => {
    const schema = schemaOf("message.cascade");
    const step = resolve(resolve(schema, schema).properties!.steps!.items!, schema);
    const alts = alternatives(step, schema);
    expect(alts.length).toBeGreaterThanOrEqual(3);
    const sms = { channel: "sms", content: { text: "hi" }, window: { amount: 1, unit: "hour" } };
    const index = bestAlternative(sms, alts, schema);
    expect(resolve(alts[index]!.properties!.channel!, schema).const).toBe("sms");
  });

  it("shows a field's schema default while the field is unset, and the value once set", () => {
    // The shape of example.slack's config: the secret's name has a default that applies on save.
    const config = z.object({
      webhookSecret: z.string().min(1).default("SLACK_WEBHOOK_URL"),
      attempts: z.number().int().default(3),
      text: z.string(),
    });
    const schema = asJsonSchema(z.toJSONSchema(config, { io: "input", unrepresentable: "any" }));
    const props = resolve(schema, schema).properties!;
    const secret = resolve(props.webhookSecret!, schema);
    expect(shownValue(secret, undefined)).toBe("SLACK_WEBHOOK_URL");
    expect(shownValue(secret, "OTHER_SECRET")).toBe("OTHER_SECRET");
    expect(shownValue(secret, "")).toBe("");
    expect(shownValue(resolve(props.attempts!, schema), undefined)).toBe(3);
    expect(shownValue(resolve(props.text!, schema), undefined)).toBeUndefined();
  });

  it("reads enums and unions of constants as select options", () => {
    const schema = schemaOf("message.email");
    const category = resolve(schema, schema).properties!.category!;
    expect([...(enumOptions(category, schema) ?? [])].sort()).toEqual([
      "marketing",
      "transactional",
    ]);
  });

  it("puts a problem's message under the field its path names", () => {
    expect(
      fieldErrors([
        {
          code: "invalid_config",
          nodeId: "m1",
          path: ["nodes", 2, "config", "subject"],
          message: "Subject is empty",
        },
      ]),
    ).toEqual({ subject: "Subject is empty" });
    expect(
      fieldErrors([
        {
          code: "invalid_config",
          nodeId: "w",
          path: ["config", "timeout", "amount"],
          message: "Too big",
        },
      ]),
    ).toEqual({ "timeout.amount": "Too big" });
  });

  it("humanises field names for labels in a marketer's words, acronyms and brands spelled right", () => {
    expect(humanise("sms")).toBe("SMS");
    expect(humanise("inapp")).toBe("In-app");
    expect(humanise("apiKeys")).toBe("API keys");
    expect(humanise("id")).toBe("Name");
    expect(humanise("whatsapp")).toBe("WhatsApp");
    expect(singular("Channels")).toBe("Channel");
    expect(singular("Properties")).toBe("Property");
    expect(singular("Exit on")).toBe("Exit on");
    expect(humanise("revenueProperty")).toBe("Revenue property");
    expect(humanise("fallback_timezone")).toBe("Fallback timezone");
  });
});

describe("condition builder values", () => {
  it("turns typed text into the value type the operator expects", () => {
    expect(parseScalar("42", "gte")).toBe(42);
    expect(parseScalar("DE", "eq")).toBe("DE");
    expect(parseScalar("true", "eq")).toBe(true);
    expect(parseScalar("DE, FR, 3", "in")).toEqual(["DE", "FR", 3]);
  });
});
