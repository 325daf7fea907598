import { memo } from "react";
import type { CascadeStepStats } from "@omnijourney/shared";
import { channelLabel, money } from "../../components/format.js";

/**
 * The rows to show: every step the node's config lists (zeros until something is sent on it), with the
 * live numbers of the same index, plus counted steps the draft no longer lists (an older live version).
 * Null for nodes without steps.
 */
export function stepRows(
  config: Record<string, unknown>,
  counted: readonly CascadeStepStats[] | undefined,
): CascadeStepStats[] | null {
  const listed = Array.isArray(config.steps) ? config.steps : [];
  if (listed.length === 0 && !counted?.length) return null;
  const byStep = new Map((counted ?? []).map((s) => [s.step, s]));
  const rows: CascadeStepStats[] = listed.map((raw: unknown, step) => {
    const channel =
      typeof raw === "object" && raw !== null && typeof Reflect.get(raw, "channel") === "string"
        ? String(Reflect.get(raw, "channel"))
        : "";
    return (
      byStep.get(step) ?? { step, channel, sent: 0, responded: 0, skipped: 0, failed: 0, cost: 0 }
    );
  });
  for (const s of counted ?? []) if (s.step >= listed.length) rows.push(s);
  return rows;
}

function compact(n: number): string {
  return n >= 10_000 ? `${Math.round(n / 1000)}k` : n.toLocaleString();
}

/**
 * Per-step live numbers of a node that sends in steps (a cascade): channel, sent, responded (with the
 * response rate) and cost. Shown on the node itself, so it stays a small table of large digits.
 */
export const StepCountsTable = memo(function StepCountsTable({
  steps,
  currency,
}: {
  steps: readonly CascadeStepStats[];
  currency?: string;
}) {
  const total = steps.reduce((sum, s) => sum + s.cost, 0);
  return (
    <table
      className="jnode__steps"
      aria-label="Per step: sent, responded and cost"
      title={`Total cost ${money(total, currency)}`}
    >
      <colgroup>
        <col />
        <col className="jnode__steps-num" />
        <col className="jnode__steps-resp" />
        <col className="jnode__steps-cost" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Sent</th>
          <th scope="col">Resp.</th>
          <th scope="col">Cost</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr key={s.step} data-testid={`step-${s.step}`}>
            <th
              scope="row"
              title={`${channelLabel(s.channel)}: ${s.skipped} skipped (no address, consent or cap), ${s.failed} failed`}
            >
              {s.step + 1}. {channelLabel(s.channel)}
            </th>
            <td>{compact(s.sent)}</td>
            <td>
              {compact(s.responded)}
              {s.sent ? (
                <span className="jnode__rate"> {Math.round((s.responded / s.sent) * 100)}%</span>
              ) : null}
            </td>
            <td>{money(s.cost, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
