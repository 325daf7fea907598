import { once } from "node:events";
import type { Response } from "express";

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP): text cells
// that do are prefixed with an apostrophe, which spreadsheets show as text. Numbers are written as they are.
const FORMULA_START = /^[=+\-@\t\r]/;
// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. Leading or trailing
// spaces are quoted too, so no reader trims them.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field: dates as ISO 8601, objects as JSON, null and undefined empty. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
    return String(value);
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === "string"
        ? value
        : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated (RFC 4180). */
export const csvLine = (values: readonly unknown[]): string =>
  `${values.map(csvField).join(",")}\r\n`;

/**
 * Streams a CSV download: the header, then one line per row as the cursor yields it, waiting for the client
 * when its buffer is full (a slow download does not pile rows up in memory). A failure after the first bytes
 * cannot become an error response; the connection is cut instead, so the file is visibly incomplete.
 */
export async function streamCsv<T>(
  res: Response,
  file: { name: string; header: readonly string[] },
  rows: AsyncIterable<T>,
  toLine: (row: T) => readonly unknown[],
): Promise<void> {
  res.status(200);
  res.setHeader("content-type", "text/csv; charset=utf-8");
  res.setHeader("content-disposition", `attachment; filename="${file.name}"`);
  res.setHeader("cache-control", "no-store");
  // A byte-order mark: spreadsheets then read the file as UTF-8 (names with accents stay intact).
  res.write(`\ufeff${csvLine(file.header)}`);
  try {
    for await (const row of rows) {
      if (res.destroyed) return;
      if (!res.write(csvLine(toLine(row)))) await once(res, "drain");
    }
  } catch (error) {
    res.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  res.end();
}
