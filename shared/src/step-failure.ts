/**
 * The reason a failed enrolment records when a step failed for good, as documented for plugin authors
 * (docs/custom-node-types.md): `step <id> (<type>) failed: <message>`. Written by the workflow, read back
 * for people by the studio, so the format lives here once.
 */
export const stepFailureReason = (nodeId: string, type: string, message: string): string =>
  `step ${nodeId} (${type}) failed: ${message}`;

/** What a person reads of a failure reason: a step failure's message without the step id and type code. */
export const stepFailureMessage = (reason: string): string =>
  /^step \S+ \(\S+\) failed: ([\s\S]*)$/.exec(reason)?.[1] ?? reason;
