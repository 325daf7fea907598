import type { DiffStep, JourneyDiff } from "../canvas/diff.js";
import { humanise, inSentence } from "./form/jsonSchema.js";

/** What changed between two versions of a journey, in sentences naming the steps (publish dialog, history). */
export function DiffSummary({
  diff,
  title,
  testId,
}: {
  diff: JourneyDiff;
  /** The step type's title ("Email"), by type. */
  title(type: string): string;
  testId?: string;
}) {
  /** "Email “Welcome”": the step's type and the name the marketer gave it. */
  const stepName = (n: DiffStep) => (
    <>
      {title(n.type)}
      {n.name && n.name !== title(n.type) ? <span className="muted"> “{n.name}”</span> : null}
    </>
  );
  return (
    <ul className="diff" data-testid={testId}>
      {diff.added.map((n) => (
        <li key={`a-${n.id}`} className="diff__added">
          + Added {stepName(n)}
        </li>
      ))}
      {diff.removed.map((n) => (
        <li key={`r-${n.id}`} className="diff__removed">
          − Removed {stepName(n)}
        </li>
      ))}
      {diff.changed.map((n) => (
        <li key={`c-${n.id}`} className="diff__changed">
          ~ Changed {stepName(n)}: {n.fields.map((f) => inSentence(humanise(f))).join(", ")}
        </li>
      ))}
      {diff.connectionsAdded || diff.connectionsRemoved ? (
        <li>
          Connections: {diff.connectionsAdded} added, {diff.connectionsRemoved} removed
        </li>
      ) : null}
      {diff.settingsChanged.length ? (
        <li>
          Settings changed: {diff.settingsChanged.map((f) => inSentence(humanise(f))).join(", ")}
        </li>
      ) : null}
      {diff.renamed ? <li>Renamed</li> : null}
    </ul>
  );
}
