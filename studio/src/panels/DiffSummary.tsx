import type { DiffStep, JourneyDiff } from "../canvas/diff.js";
import { humanise, inSentence } from "./form/jsonSchema.js";

/** What changed against the live version, as the publish dialog and an approval review show it. */
export function DiffSummary({ diff, title }: { diff: JourneyDiff; title(type: string): string }) {
  /** "Email “Welcome”": the step's type and the name the marketer gave it. */
  const stepName = (n: DiffStep) => (
    <>
      {title(n.type)}
      {n.name && n.name !== title(n.type) ? <span className="muted"> “{n.name}”</span> : null}
    </>
  );
  return (
    <ul className="diff" data-testid="publish-summary">
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
