import type { Condition } from "@omnijourney/shared";
import {
  EXPORT_LIMIT,
  findSegmentById,
  streamMatchingProfiles,
  streamMessages,
} from "@omnijourney/store";
import { notFound } from "../errors.js";
import { memberLine, MEMBER_HEADER, messageLine, MESSAGE_HEADER } from "../export/columns.js";
import { streamCsv } from "../export/csv.js";
import { endpoint } from "../http/endpoint.js";
import { IdParams } from "../schemas/common.js";
import { MessageFilter } from "./messages.js";

const csv = (what: string) => ({
  contentType: "text/csv",
  description: `${what} as CSV (RFC 4180, UTF-8 with a byte-order mark), newest first, at most ${EXPORT_LIMIT.toLocaleString("en")} rows`,
});

/** A file name from a title: letters, digits and hyphens. */
const fileName = (title: string, fallback: string): string =>
  `${
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || fallback
  }.csv`;

export const exportSegment = endpoint({
  method: "get",
  path: "/segments/:id/export.csv",
  summary: "Download the segment's current members as CSV",
  tags: ["segments"],
  auth: "bearer",
  role: "viewer",
  params: IdParams,
  raw: csv("The members"),
  handler: async ({ params }, { app, res }) => {
    const segment = await findSegmentById(app.db, params.id);
    if (!segment) throw notFound("Segment", params.id);
    // why: stored segments were validated when written
    const condition = segment.condition as Condition;
    await streamCsv(
      res,
      { name: fileName(segment.name, "segment"), header: MEMBER_HEADER },
      streamMatchingProfiles(app.db, condition, new Date()),
      memberLine,
    );
  },
});

export const exportMessages = endpoint({
  method: "get",
  path: "/messages/export.csv",
  summary: "Download the message log as CSV, filtered like the list (rendered content left out)",
  tags: ["messages"],
  auth: "bearer",
  role: "viewer",
  query: MessageFilter,
  raw: csv("The messages"),
  handler: async ({ query }, { app, res }) => {
    await streamCsv(
      res,
      { name: "messages.csv", header: MESSAGE_HEADER },
      streamMessages(app.db, query),
      messageLine,
    );
  },
});

export const exportEndpoints = [exportSegment, exportMessages];
