import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { smsSegments } from "@omnijourney/shared";
import { KeyValues } from "../src/components/KeyValues.js";
import { CONSENT_LABELS, consentLabel } from "../src/components/consentLabels.js";
import { NumberInput } from "../src/panels/form/NumberInput.js";
import { TextInput } from "../src/panels/form/TextFields.js";
import { EnumSelect } from "../src/panels/form/ChoiceFields.js";
import { fitsVisualEditor } from "../src/panels/form/HtmlTemplateField.js";
import { messageChannel } from "../src/panels/message/PreviewMessageButton.js";
import { segmentTrigger } from "../src/api/useSegmentAudience.js";
import type { Graph } from "../src/canvas/store/types.js";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const noop = () => undefined;

describe("values a marketer reads", () => {
  it("numbers the items of a list of groups after the list (Item 1, Item 2)", () => {
    const html = renderToStaticMarkup(
      createElement(KeyValues, { value: { items: [{ sku: "mug" }, { sku: "cap" }] } }),
    );
    expect(text(html)).toContain("Item 1 Sku mug");
    expect(text(html)).toContain("Item 2 Sku cap");
  });

  it("names consent in words: unknown is 'Not asked yet'", () => {
    expect(Object.values(CONSENT_LABELS)).toEqual(["Subscribed", "Unsubscribed", "Not asked yet"]);
    expect(consentLabel("unknown")).toBe("Not asked yet");
    expect(Object.values(CONSENT_LABELS).some((l) => /^[a-z]/.test(l))).toBe(false);
  });
});

describe("schema defaults in the form", () => {
  it("shows a number field's default while it is unset", () => {
    const html = renderToStaticMarkup(
      createElement(NumberInput, {
        id: "n",
        schema: { type: "integer", default: 3 },
        value: undefined,
        readOnly: false,
        invalid: false,
        onChange: noop,
      }),
    );
    expect(html).toContain('placeholder="3 (default)"');
  });

  it("shows a text field's default while it is unset", () => {
    const html = renderToStaticMarkup(
      createElement(TextInput, {
        id: "t",
        schema: { type: "string", default: "Hello" },
        value: undefined,
        required: false,
        multiline: false,
        events: null,
        readOnly: false,
        invalid: false,
        onChange: noop,
      }),
    );
    expect(html).toContain('placeholder="Hello (default)"');
  });

  it("names an enumeration's default in words", () => {
    const html = renderToStaticMarkup(
      createElement(EnumSelect, {
        id: "e",
        schema: { enum: ["marketing", "transactional"], default: "marketing" },
        options: ["marketing", "transactional"],
        value: undefined,
        required: false,
        disabled: false,
        onChange: noop,
      }),
    );
    expect(html).toContain("Default (Marketing)");
  });
});

describe("message editor helpers", () => {
  it("offers the visual editor only for HTML it keeps whole", () => {
    expect(fitsVisualEditor("<p>Hi {{ profile.firstName }}</p><ul><li>a</li></ul>")).toBe(true);
    expect(fitsVisualEditor("<table><tr><td>x</td></tr></table>")).toBe(false);
    expect(fitsVisualEditor("<ul>{% for i in items %}<li>{{ i }}</li>{% endfor %}</ul>")).toBe(
      false,
    );
    expect(fitsVisualEditor("<style>p{color:red}</style><p>x</p>")).toBe(false);
  });

  it("knows a message step's channel from its type, and nothing for other steps", () => {
    expect(messageChannel("message.whatsapp")).toBe("whatsapp");
    expect(messageChannel("message.cascade")).toBeNull();
    expect(messageChannel("wait.event")).toBeNull();
  });

  it("counts SMS parts as carriers do: the euro sign costs two septets, an emoji makes it Unicode", () => {
    expect(smsSegments("€".repeat(80))).toMatchObject({
      encoding: "GSM-7",
      units: 160,
      segments: 1,
    });
    expect(smsSegments("a".repeat(161))).toMatchObject({ segments: 2, perSegment: 153 });
    expect(smsSegments("🛒" + "a".repeat(68))).toMatchObject({
      encoding: "UCS-2",
      units: 70,
      segments: 1,
    });
  });

  it("finds the segment trigger of a draft for the audience estimate", () => {
    const graph = {
      nodes: [
        { id: "t", type: "trigger.segment", config: { segmentId: "s1", enrolExisting: true } },
      ],
    } as unknown as Graph; // why: only the nodes matter to segmentTrigger
    expect(segmentTrigger(graph)).toEqual({ segmentId: "s1", enrolExisting: true });
    expect(segmentTrigger({ ...graph, nodes: [] })).toBeNull();
  });
});
