// The log scan (issue 14): every file a stack wrote during a suite is read for its credentials, in the forms a
// log line would carry them (as given, base64 as in an HTTP Basic header, percent-encoded as in a URL).
import fs from "node:fs";
import path from "node:path";

/** Shorter values are too likely to occur by chance ("test", "key") to prove a leak. */
const MIN_SECRET_LENGTH = 6;

/** The forms in which a secret reaches a log line: as given, Basic-encoded (`secret:`), base64, percent-encoded. */
export function secretForms(secret) {
  const forms = new Set([
    secret,
    Buffer.from(`${secret}:`).toString("base64"),
    Buffer.from(secret).toString("base64"),
    encodeURIComponent(secret),
  ]);
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/** Every file below `dir` (a missing folder has none). */
export function filesBelow(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Finds each secret in each text. `sources` are `{ name, text }`; `secrets` are `{ name, value }` (the name is what
 * a finding reports, never the value). `allowLine(line)` exempts a line written on purpose to hand a credential
 * over (the start script's READY line); it is matched whole, so nothing else on the page is exempt.
 */
export function scanTexts(sources, secrets, allowLine = () => false) {
  const findings = [];
  for (const source of sources) {
    const lines = source.text.split("\n");
    lines.forEach((line, index) => {
      if (allowLine(line)) return;
      for (const secret of secrets) {
        if (secret.value.length < MIN_SECRET_LENGTH)
          throw new Error(`The secret ${secret.name} is too short to scan for`);
        if (secretForms(secret.value).some((form) => line.includes(form)))
          findings.push({ source: source.name, line: index + 1, secret: secret.name });
      }
    });
  }
  return findings;
}

/** `scanTexts` over files (read as UTF-8). */
export function scanFiles(files, secrets, allowLine) {
  return scanTexts(
    files.map((file) => ({ name: file, text: fs.readFileSync(file, "utf8") })),
    secrets,
    allowLine,
  );
}
