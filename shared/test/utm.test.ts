import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addUtmToLinks, resolveUtm, utmCampaignName, withUtm } from "../src/index.js";

const utm = { source: "omnijourney", medium: "email", campaign: "spring sale" };

describe("UTM parameters on a message's links", () => {
  it("appends the parameters after an existing query, before the fragment, without re-encoding what was there", () => {
    expect(withUtm("https://shop.example.com/cart?q=a%20b&x=1#top", utm)).toBe(
      "https://shop.example.com/cart?q=a%20b&x=1&utm_source=omnijourney&utm_medium=email&utm_campaign=spring%20sale#top",
    );
    expect(withUtm("https://example.com", utm)).toBe(
      "https://example.com?utm_source=omnijourney&utm_medium=email&utm_campaign=spring%20sale",
    );
    expect(withUtm("https://example.com/?", utm)).toBe(
      "https://example.com/?utm_source=omnijourney&utm_medium=email&utm_campaign=spring%20sale",
    );
  });

  it("keeps a parameter the link sets itself and leaves other schemes alone", () => {
    expect(withUtm("https://example.com/?utm_source=partner", utm)).toBe(
      "https://example.com/?utm_source=partner&utm_medium=email&utm_campaign=spring%20sale",
    );
    expect(withUtm("mailto:help@example.com", utm)).toBe("mailto:help@example.com");
    expect(withUtm("{{ unsubscribe_url }}", utm)).toBe("{{ unsubscribe_url }}");
  });

  it("rewrites href values in HTML with &amp; and leaves image sources and text alone", () => {
    const html =
      '<a href="https://example.com/a?x=1&amp;y=2">A</a> <img src="https://cdn.example.com/i.png"> https://example.com/text';
    expect(addUtmToLinks(html, utm)).toBe(
      '<a href="https://example.com/a?x=1&amp;y=2&amp;utm_source=omnijourney&amp;utm_medium=email&amp;utm_campaign=spring%20sale">A</a> <img src="https://cdn.example.com/i.png"> https://example.com/text',
    );
  });

  it("rewrites bare URLs in text, a sentence's full stop staying outside the link", () => {
    expect(addUtmToLinks("Shop now: https://example.com/s. Bye", { ...utm, campaign: "c" })).toBe(
      "Shop now: https://example.com/s?utm_source=omnijourney&utm_medium=email&utm_campaign=c. Bye",
    );
  });

  it("never changes the part of a link that was there: the original is a prefix of the result's base", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const out = withUtm(url, utm);
        const base = url.split("#")[0] ?? url;
        expect(out.startsWith(base)).toBe(true);
        expect(out.endsWith(url.slice(base.length))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it("resolves defaults from the channel and the journey's name, and is off for webhooks or when disabled", () => {
    expect(
      resolveUtm({ enabled: true }, "sms", { id: "j_1", name: "Abandoned cart — Été" }),
    ).toEqual({
      source: "omnijourney",
      medium: "sms",
      campaign: "abandoned-cart-ete",
    });
    expect(
      resolveUtm({ enabled: true, campaign: " " }, "email", { id: "j_1", name: null }),
    ).toEqual({
      source: "omnijourney",
      medium: "email",
      campaign: "j_1",
    });
    expect(resolveUtm({ enabled: false }, "email", { id: "j", name: "x" })).toBeNull();
    expect(resolveUtm({ enabled: true }, "webhook", { id: "j", name: "x" })).toBeNull();
    expect(resolveUtm(undefined, "email", { id: "j", name: "x" })).toBeNull();
    expect(utmCampaignName("  Spring Sale 2026!! ")).toBe("spring-sale-2026");
  });
});
