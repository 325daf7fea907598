import { z } from "zod";
import { JourneySettings } from "../catalog/shared.js";
import { useEditorEnvironment } from "../canvas/hooks/EditorContext.js";
import { useEditor } from "../canvas/hooks/useEditor.js";
import type { UiHints } from "../catalog/types.js";
import { SchemaForm } from "./form/SchemaForm.js";
import { asJsonSchema, type JsonSchema } from "./form/jsonSchema.js";
import { usePreview } from "./previewContext.js";
import { JourneyHistory } from "./JourneyHistory.js";

const settingsSchema: JsonSchema = asJsonSchema(
  z.toJSONSchema(JourneySettings, { io: "input", unrepresentable: "any" }),
);

const settingsUi: UiHints = {
  order: [
    "reentry",
    "goal",
    "exitOn",
    "startsAt",
    "endsAt",
    "entryLimit",
    "entryRate",
    "respectQuietHours",
    "frequencyCapped",
    "frequencyCaps",
  ],
  labels: {
    reentry: "Re-entry",
    goal: "Conversion goal",
    exitOn: "Exit when",
    startsAt: "Start date",
    endsAt: "End date",
    entryLimit: "Max entries per profile",
    entryRate: "Entry limits",
    respectQuietHours: "Respect quiet hours",
    frequencyCapped: "Apply frequency caps",
    frequencyCaps: "This journey's frequency caps",
  },
  help: {
    reentry: "Whether someone can go through this journey more than once.",
    goal: "The event that counts as a conversion, and how long after entry it counts.",
    exitOn: "Events or conditions that end a customer's journey at any step.",
    startsAt: "No one enters before this date and time.",
    endsAt: "No one new enters from this date and time; people already in the journey carry on.",
    entryRate: "Caps how many people may start the journey each hour or each day.",
    frequencyCaps:
      "Marketing messages this journey may send to one person, beside the workspace's cap.",
  },
};

/** The side panel when no step is selected: the journey's settings, from the shared settings schema. */
export function JourneyPanel({
  problemsCount,
  journeyId,
}: {
  problemsCount: number;
  journeyId?: string;
}) {
  const { store } = useEditorEnvironment();
  const settings = useEditor((s) => s.graph.settings);
  const readOnly = useEditor((s) => s.readOnly);
  const nodeCount = useEditor((s) => s.graph.nodes.length);
  const preview = usePreview();
  return (
    <div className="panel" data-testid="journey-panel">
      <header className="panel__header">
        <div className="grow">
          <h2>Journey settings</h2>
          <div className="panel__sub">
            {nodeCount} step{nodeCount === 1 ? "" : "s"} ·{" "}
            {problemsCount
              ? `${problemsCount} problem${problemsCount === 1 ? "" : "s"}`
              : "no problems"}
          </div>
        </div>
      </header>
      <div className="panel__body">
        <p className="panel__desc">
          Select a step on the canvas to configure it. These settings apply to the whole journey.
        </p>
        <SchemaForm
          schema={settingsSchema}
          ui={settingsUi}
          value={settings}
          readOnly={readOnly}
          segments={preview?.segments ?? []}
          events={preview?.events ?? []}
          suggestions={[]}
          errors={{}}
          onChange={(next) =>
            store
              .getState()
              .dispatch({ kind: "updateSettings", settings: next }, { coalesceKey: "settings" })
          }
        />
        {journeyId ? <JourneyHistory journeyId={journeyId} /> : null}
      </div>
    </div>
  );
}
