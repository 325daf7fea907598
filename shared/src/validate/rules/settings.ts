import { JourneySettings } from "../../schemas/journey.js";
import { flattenIssues } from "../issues.js";
import type { Problem } from "../problems.js";
import { humanField } from "../wording.js";

/** `invalid_settings`: the journey's settings (absent means the defaults). Returns them parsed, or null. */
export function readSettings(doc: unknown, problems: Problem[]): JourneySettings | null {
  const raw: unknown =
    doc !== null && typeof doc === "object" ? Reflect.get(doc, "settings") : undefined;
  const settings = JourneySettings.safeParse(raw ?? {});
  if (settings.success) {
    const { startsAt, endsAt } = settings.data;
    if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) {
      problems.push({
        code: "invalid_settings",
        path: ["settings", "endsAt"],
        message: "The journey's end date must be after its start date.",
      });
      return null;
    }
    return settings.data;
  }
  for (const issue of flattenIssues(settings.error.issues, ["settings"])) {
    problems.push({
      code: "invalid_settings",
      path: issue.path,
      message: `The journey's ${humanField(undefined, issue.path.slice(1))} setting ${issue.message}.`,
    });
  }
  return null;
}
