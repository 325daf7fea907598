import type { AttributeSearchOp } from "@omnijourney/shared";
import type { Segment } from "../../api/segments.js";

/** The attribute test and segment the Profiles search applies, as typed (empty strings when unused). */
export type FilterDraft = { attr: string; op: AttributeSearchOp; value: string; segmentId: string };

export const EMPTY_FILTERS: FilterDraft = { attr: "", op: "eq", value: "", segmentId: "" };

/** The comparisons in a marketer's words. */
const OPS: { value: AttributeSearchOp; label: string }[] = [
  { value: "eq", label: "is" },
  { value: "neq", label: "is not" },
  { value: "contains", label: "contains" },
  { value: "gt", label: "is more than" },
  { value: "lt", label: "is less than" },
  { value: "exists", label: "is set" },
];

const isOp = (value: string): value is AttributeSearchOp => OPS.some((o) => o.value === value);

/** Filters beside the search box: an attribute test ("plan is pro") and membership of a segment. */
export function ProfileFilterBar({
  draft,
  segments,
  onChange,
}: {
  draft: FilterDraft;
  segments: Segment[];
  onChange(next: FilterDraft): void;
}) {
  const set = (patch: Partial<FilterDraft>) => onChange({ ...draft, ...patch });
  return (
    <fieldset className="filter-bar" aria-label="Filter profiles">
      <div className="field">
        <label className="field__label" htmlFor="profile-attr">
          Attribute
        </label>
        <input
          id="profile-attr"
          className="input"
          placeholder="plan"
          value={draft.attr}
          onChange={(e) => set({ attr: e.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="profile-op">
          Comparison
        </label>
        <select
          id="profile-op"
          className="select"
          value={draft.op}
          onChange={(e) => isOp(e.target.value) && set({ op: e.target.value })}
        >
          {OPS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {draft.op === "exists" ? null : (
        <div className="field">
          <label className="field__label" htmlFor="profile-value">
            Value
          </label>
          <input
            id="profile-value"
            className="input"
            placeholder="pro"
            value={draft.value}
            onChange={(e) => set({ value: e.target.value })}
          />
        </div>
      )}
      <div className="field">
        <label className="field__label" htmlFor="profile-segment">
          In segment
        </label>
        <select
          id="profile-segment"
          className="select"
          value={draft.segmentId}
          onChange={(e) => set({ segmentId: e.target.value })}
        >
          <option value="">Any segment</option>
          {segments.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

/** The filters the API takes: the attribute test only once it is complete, the segment when chosen. */
export function appliedFilters(draft: FilterDraft) {
  const attr = draft.attr.trim();
  const complete = attr !== "" && (draft.op === "exists" || draft.value.trim() !== "");
  return {
    ...(complete
      ? { attr, op: draft.op, ...(draft.op === "exists" ? {} : { value: draft.value.trim() }) }
      : {}),
    ...(draft.segmentId ? { segmentId: draft.segmentId } : {}),
  };
}
