import { describe, expect, it } from "vitest";
import { loadRecipients, recipientsFrom, renderedFields } from "../src/panels/SendTestsToMe.js";

describe("Send these to me", () => {
  it("sends only the addresses given, trimmed, with a phone's spacing removed", () => {
    expect(
      recipientsFrom({
        email: "  me@example.com ",
        phone: "+1 (555) 010-0200",
        telegramChatId: "",
      }),
    ).toEqual({
      email: "me@example.com",
      phone: "+15550100200",
    });
    expect(recipientsFrom({})).toEqual({});
  });

  it("remembers addresses across visits and ignores anything else stored under the key", () => {
    const stored = (value: string | null) => ({ getItem: () => value });
    expect(
      loadRecipients(stored('{"email":"me@example.com","telegramChatId":"42","admin":true}')),
    ).toEqual({
      email: "me@example.com",
      telegramChatId: "42",
    });
    expect(loadRecipients(stored("not json"))).toEqual({});
    expect(loadRecipients(stored(null))).toEqual({});
  });

  it("passes a simulated message's rendered text fields and nothing else", () => {
    expect(renderedFields({ subject: "Hi Ada", body: "<p>Hi</p>", meta: { x: 1 }, n: 3 })).toEqual({
      subject: "Hi Ada",
      body: "<p>Hi</p>",
    });
  });
});
