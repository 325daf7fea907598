import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The admin token and write key: from the environment when set, else generated on the first start
 * and kept in `<dataDir>/credentials.json` so a restart keeps them. `generated` says which were new.
 */
export function loadCredentials(dataDir) {
  const file = path.join(dataDir, "credentials.json");
  const stored = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  const generated = [];
  const pick = (envName, key, prefix) => {
    if (process.env[envName]) return process.env[envName];
    if (stored[key]) return stored[key];
    generated.push(envName);
    stored[key] = `${prefix}_${randomBytes(18).toString("base64url")}`;
    return stored[key];
  };
  const adminToken = pick("OMNIJOURNEY_ADMIN_TOKEN", "adminToken", "oj_admin");
  const writeKey = pick("OMNIJOURNEY_WRITE_KEY", "writeKey", "oj_write");
  if (generated.length) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return { adminToken, writeKey, generated };
}
