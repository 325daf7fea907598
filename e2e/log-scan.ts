/**
 * The end of the suite (issue 14): before the stack stops, it is sent the credentials an attacker or a careless
 * operator would send (a wrong bearer token, a wrong write key, provider settings with an SMTP password and a
 * Twilio auth token), then everything it wrote during the suite (its output, which carries the API's and the
 * worker's log lines, and every engine log) is scanned for those and for the real admin token and write key.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { filesBelow, scanFiles, scanTexts, type Secret } from "../scripts/lib/log-scan.mjs";

export type StackLogs = {
  baseUrl: string;
  adminToken: string;
  writeKey: string;
  /** The stack's stdout and stderr so far. */
  output: () => string;
  /** The engines' log folder (`<dataDir>/logs`). */
  logsDir: string;
};

const PLANTED = {
  smtpPassword: `smtp-pass-${Math.random().toString(36).slice(2)}`,
  twilioToken: `twilio-token-${Math.random().toString(36).slice(2)}`,
  wrongToken: `wrong-admin-${Math.random().toString(36).slice(2)}`,
  wrongKey: `wrong-write-${Math.random().toString(36).slice(2)}`,
};

/** The start script's one machine-readable line hands the credentials to the suite on purpose. */
const handOver = (line: string) => line.startsWith("OMNIJOURNEY_READY ");

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;

async function sendCredentials(stack: StackLogs): Promise<void> {
  const admin = { authorization: `Bearer ${stack.adminToken}`, "content-type": "application/json" };
  const settings = await fetch(`${stack.baseUrl}/api/settings`, {
    method: "PUT",
    headers: admin,
    body: JSON.stringify({
      providers: {
        email: {
          provider: "smtp",
          url: `smtp://mailer:${PLANTED.smtpPassword}@127.0.0.1:1/`,
        },
        sms: { provider: "twilio", accountSid: "AC1", authToken: PLANTED.twilioToken, from: "+1" },
      },
    }),
  });
  if (!settings.ok) throw new Error(`PUT /api/settings answered ${settings.status}`);
  await fetch(`${stack.baseUrl}/api/settings`, { headers: admin });
  await fetch(`${stack.baseUrl}/api/journeys`, {
    headers: { authorization: `Bearer ${PLANTED.wrongToken}` },
  });
  for (const key of [stack.writeKey, PLANTED.wrongKey])
    await fetch(`${stack.baseUrl}/v1/track`, {
      method: "POST",
      headers: { authorization: basic(key), "content-type": "application/json" },
      body: JSON.stringify({ userId: "log-scan", event: "Log scanned" }),
    });
}

/** Throws naming every file and line where a credential was written. */
export async function scanStackLogs(stack: StackLogs): Promise<void> {
  await sendCredentials(stack);
  await sleep(1_000); // the loggers flush asynchronously
  const secrets: Secret[] = [
    { name: "admin token", value: stack.adminToken },
    { name: "write key", value: stack.writeKey },
    { name: "SMTP password", value: PLANTED.smtpPassword },
    { name: "Twilio auth token", value: PLANTED.twilioToken },
    { name: "wrong admin token", value: PLANTED.wrongToken },
    { name: "wrong write key", value: PLANTED.wrongKey },
  ];
  const files = filesBelow(stack.logsDir);
  const output = stack.output();
  // The scan proves nothing if the requests were not logged at all.
  if (!output.includes("/v1/track"))
    throw new Error("The stack's output holds no request log line: nothing to scan");
  const findings = [
    ...scanTexts([{ name: "stack output", text: output }], secrets, handOver),
    ...scanFiles(files, secrets, handOver),
  ];
  console.log(
    `log scan: ${files.length} engine log file(s) and ${output.length} characters of stack output, ${findings.length} credential(s) found`,
  );
  if (findings.length)
    throw new Error(
      `Credentials written to logs:\n${findings.map((f) => `  ${f.source}:${f.line}: ${f.secret}`).join("\n")}`,
    );
}
