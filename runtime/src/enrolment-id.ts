/**
 * The one function that builds an enrolment's workflow id: `journey:<journeyId>:profile:<profileId>`,
 * plus `:<enrolmentKey>` when a journey allows concurrent enrolments (re-entry "always").
 */
export function enrolmentWorkflowId(
  journeyId: string,
  profileId: string,
  enrolmentKey?: string,
): string {
  const base = `journey:${journeyId}:profile:${profileId}`;
  return enrolmentKey ? `${base}:${enrolmentKey}` : base;
}
