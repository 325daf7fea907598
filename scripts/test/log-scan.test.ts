// The log scanner finds a credential however a log line would carry it, and nothing where there is none: the
// e2e suite's final scan (e2e/log-scan.ts) is only worth something if a logged secret fails it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filesBelow, scanFiles, scanTexts } from "../lib/log-scan.mjs";

const secrets = [
  { name: "admin token", value: "adm1n-t0ken-4242" },
  { name: "write key", value: "wr1te-key-4242" },
  { name: "SMTP password", value: "p@ss/w0rd secret" },
];
const scan = (text: string, allow?: (line: string) => boolean) =>
  scanTexts([{ name: "api.log", text }], secrets, allow);

describe("log scan", () => {
  it("finds a token in clear, a write key in a Basic header and a password percent-encoded in a URL", () => {
    const basic = Buffer.from("wr1te-key-4242:").toString("base64");
    const findings = scan(
      [
        '{"level":30,"msg":"request","headers":{"authorization":"Bearer adm1n-t0ken-4242"}}',
        `{"level":30,"headers":{"authorization":"Basic ${basic}"}}`,
        '{"level":50,"msg":"connect smtp://mailer:p%40ss%2Fw0rd%20secret@mail.example.com failed"}',
      ].join("\n"),
    );
    expect(findings).toEqual([
      { source: "api.log", line: 1, secret: "admin token" },
      { source: "api.log", line: 2, secret: "write key" },
      { source: "api.log", line: 3, secret: "SMTP password" },
    ]);
  });

  it("finds nothing in masked lines, and reports a finding by the secret's name, not its value", () => {
    const masked = [
      '{"headers":{"authorization":"[redacted]"},"url":"smtp://••••@mail.example.com"}',
      '{"msg":"GET /api/journeys 401"}',
    ].join("\n");
    expect(scan(masked)).toEqual([]);
    expect(JSON.stringify(scan("adm1n-t0ken-4242"))).not.toContain("adm1n-t0ken-4242");
  });

  it("exempts only the lines the allow rule names", () => {
    const text = 'OMNIJOURNEY_READY {"adminToken":"adm1n-t0ken-4242"}\nleaked adm1n-t0ken-4242';
    const findings = scan(text, (line) => line.startsWith("OMNIJOURNEY_READY "));
    expect(findings).toEqual([{ source: "api.log", line: 2, secret: "admin token" }]);
  });

  it("reads every file below a folder, nested ones included", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omnij-log-scan-"));
    try {
      fs.mkdirSync(path.join(dir, "engines"));
      fs.writeFileSync(path.join(dir, "api.log"), "clean\n");
      fs.writeFileSync(path.join(dir, "engines", "ferretdb.log"), "x\nwr1te-key-4242\n");
      const files = filesBelow(dir);
      expect(files).toHaveLength(2);
      expect(scanFiles(files, secrets)).toEqual([
        { source: path.join(dir, "engines", "ferretdb.log"), line: 2, secret: "write key" },
      ]);
      expect(filesBelow(path.join(dir, "missing"))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a secret too short to tell from ordinary text", () => {
    expect(() => scanTexts([{ name: "a", text: "x" }], [{ name: "tiny", value: "key" }])).toThrow(
      /too short/,
    );
  });
});
