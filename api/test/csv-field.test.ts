import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "../src/export/csv.js";

describe("CSV fields (RFC 4180)", () => {
  it("quotes a field with a comma, a quote or a line break and doubles its quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\r")).toBe('"cr\r"');
    expect(csvField(" padded ")).toBe('" padded "');
  });

  it("writes empty values, numbers, dates and objects", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(-2.5)).toBe("-2.5");
    expect(csvField(false)).toBe("false");
    expect(csvField(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(csvField({ a: [1, "x"] })).toBe('"{""a"":[1,""x""]}"');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-x")).toBe("'-x");
    expect(csvField("@me")).toBe("'@me");
  });

  it("ends a record with CRLF", () => {
    expect(csvLine(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });
});
