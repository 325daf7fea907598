import { describe, expect, it } from "vitest";
import { linksIn, messageLinks } from "../src/tracking/links.js";

describe("the links a message contains", () => {
  it("reads href values HTML-unescaped and bare URLs without a sentence's punctuation", () => {
    const links = linksIn({
      subject: "Your cart",
      body: "<p>Hi</p><a href=\"https://shop.example.com/cart?x=1&amp;y=2\">cart</a> <img src='https://cdn.example.com/a.png'>",
      text: "Or open https://shop.example.com/ok. Thanks (https://example.org/x)",
    });
    expect(links).toContain("https://shop.example.com/cart?x=1&y=2");
    expect(links).toContain("https://cdn.example.com/a.png");
    expect(links).toContain("https://shop.example.com/ok");
    expect(links).toContain("https://example.org/x");
  });

  it("accepts a link only whole: a prefix of a contained link is refused", () => {
    const content = { body: '<a href="https://example.com/ok">ok</a>' };
    expect(messageLinks(content, "https://example.com/ok")).toBe(true);
    expect(messageLinks(content, "https://example.com")).toBe(false);
    expect(messageLinks(content, "https://example.com/o")).toBe(false);
    expect(messageLinks(content, "https://example.com/ok/more")).toBe(false);
  });

  it("ignores fields that are not text", () => {
    expect(messageLinks({ cost: 1, body: null }, "https://example.com")).toBe(false);
  });
});
