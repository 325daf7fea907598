import type { JourneyDocumentInput, Problem } from "../src/index.js";

/** A journey document as the validator tests write it. */
export type Doc = JourneyDocumentInput;

/** The node of a test document with this id (throws when the test wrote it wrong). */
export const node = (doc: Doc, id: string) => {
  const n = doc.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};

/** The problems of one code. */
export const only = (problems: Problem[], code: Problem["code"]) =>
  problems.filter((p) => p.code === code);
