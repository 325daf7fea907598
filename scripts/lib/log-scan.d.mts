export type LogSource = { name: string; text: string };
export type Secret = { name: string; value: string };
export type Finding = { source: string; line: number; secret: string };
/** The forms in which a secret reaches a log line: as given, Basic-encoded (`secret:`), base64, percent-encoded. */
export function secretForms(secret: string): string[];
/** Every file below `dir` (a missing folder has none). */
export function filesBelow(dir: string): string[];
/** Finds each secret in each text; `allowLine` exempts a line written on purpose to hand a credential over. */
export function scanTexts(
  sources: LogSource[],
  secrets: Secret[],
  allowLine?: (line: string) => boolean,
): Finding[];
/** `scanTexts` over files (read as UTF-8). */
export function scanFiles(
  files: string[],
  secrets: Secret[],
  allowLine?: (line: string) => boolean,
): Finding[];
