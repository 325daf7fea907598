import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyTwilioSignature } from "../../src/providers/sms/inbound.js";
import { startToken, verifyTelegramSecretToken } from "../../src/providers/telegram/inbound.js";
import {
  verifyWhatsAppSignature,
  whatsAppChallenge,
} from "../../src/providers/whatsapp/inbound.js";

describe("inbound webhook verification", () => {
  // The worked example from Twilio's webhook security documentation.
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  const params = {
    CallSid: "CA1234567890ABCDE",
    Caller: "+12349013030",
    Digits: "1234",
    From: "+12349013030",
    To: "+18005551212",
  };

  it("accepts Twilio's documented signature and rejects a changed parameter, URL, token or header", () => {
    expect(verifyTwilioSignature("12345", url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).toBe(true);
    expect(
      verifyTwilioSignature(
        "12345",
        url,
        { ...params, Digits: "9999" },
        "0/KCTR6DLpKmkAf8muzZqo1nDgQ=",
      ),
    ).toBe(false);
    expect(
      verifyTwilioSignature(
        "12345",
        "https://mycompany.com/myapp.php",
        params,
        "0/KCTR6DLpKmkAf8muzZqo1nDgQ=",
      ),
    ).toBe(false);
    expect(verifyTwilioSignature("54321", url, params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).toBe(false);
    expect(verifyTwilioSignature("12345", url, params, "0/KCTR6DLpKmkAf8muzZqo1nDg")).toBe(false);
    expect(verifyTwilioSignature("12345", url, params, undefined)).toBe(false);
  });

  it("verifies WhatsApp's X-Hub-Signature-256 over the raw body", () => {
    const body = '{"object":"whatsapp_business_account","entry":[]}';
    const header = `sha256=${createHmac("sha256", "app-secret").update(body).digest("hex")}`;
    expect(verifyWhatsAppSignature("app-secret", body, header)).toBe(true);
    expect(verifyWhatsAppSignature("app-secret", Buffer.from(body), header)).toBe(true);
    expect(verifyWhatsAppSignature("app-secret", body.replace("[]", "[{}]"), header)).toBe(false);
    expect(verifyWhatsAppSignature("other", body, header)).toBe(false);
    expect(verifyWhatsAppSignature("app-secret", body, "sha1=abc")).toBe(false);
    expect(verifyWhatsAppSignature("app-secret", body, undefined)).toBe(false);
  });

  it("echoes Meta's subscription challenge only for the right verify token", () => {
    const query = {
      "hub.mode": "subscribe",
      "hub.verify_token": "vt-1",
      "hub.challenge": "1158201444",
    };
    expect(whatsAppChallenge("vt-1", query)).toBe("1158201444");
    expect(whatsAppChallenge("vt-2", query)).toBeUndefined();
    expect(whatsAppChallenge("vt-1", { ...query, "hub.mode": "unsubscribe" })).toBeUndefined();
  });

  it("checks Telegram's secret token header and reads /start deep-link tokens", () => {
    expect(verifyTelegramSecretToken("s3cr3t_tok", "s3cr3t_tok")).toBe(true);
    expect(verifyTelegramSecretToken("s3cr3t_tok", "s3cr3t_toK")).toBe(false);
    expect(verifyTelegramSecretToken("s3cr3t_tok", undefined)).toBe(false);
    expect(startToken("/start abc_123-XYZ")).toBe("abc_123-XYZ");
    expect(startToken("/start@OmniBot abc")).toBe("abc");
    expect(startToken("/start")).toBeUndefined();
    expect(startToken("hello /start abc")).toBeUndefined();
  });
});
