import { describe, expect, it } from "vitest";
import {
  applyCompletion,
  completionSite,
  filterSuggestions,
  templateVariables,
} from "../src/panels/form/liquidComplete.js";

describe("Liquid autocompletion", () => {
  it("finds the word being typed inside an open {{ tag", () => {
    const text = "Hi {{ profile.fir";
    expect(completionSite(text, text.length)).toEqual({
      start: 6,
      end: text.length,
      prefix: "profile.fir",
    });
  });

  it("offers nothing outside a tag or after a filter pipe", () => {
    expect(completionSite("Hi profile.fir", 14)).toBeNull();
    expect(completionSite("{{ a }} profile", 15)).toBeNull();
    expect(completionSite("{{ name | up", 12)).toBeNull();
  });

  it("inserts the suggestion and closes the tag when it is open", () => {
    const text = "Hi {{ profile.fir";
    const site = completionSite(text, text.length)!;
    expect(applyCompletion(text, site, "profile.firstName")).toEqual({
      text: "Hi {{ profile.firstName }}",
      cursor: 26,
    });
  });

  it("does not add a second closing brace when the tag is already closed", () => {
    const text = "Hi {{ prof }}!";
    const site = completionSite(text, 10)!;
    expect(applyCompletion(text, site, "profile.email").text).toBe("Hi {{ profile.email }}!");
  });

  it("ranks prefix matches before substring matches", () => {
    const vars = templateVariables(["firstName", "email"], ["url"]);
    expect(filterSuggestions(vars, "profile.")).toEqual(["profile.email", "profile.firstName"]);
    expect(filterSuggestions(vars, "url")).toEqual(["event.properties.url"]);
  });
});
