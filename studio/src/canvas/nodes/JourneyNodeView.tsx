import { Handle, Position, type NodeProps } from "@xyflow/react";
import { Fragment, memo } from "react";
import { Icon } from "../../components/Icon.js";
import { useFarView } from "../hooks/useFarView.js";
import { useNodeInfo } from "../hooks/useNodeInfo.js";
import { useNodeState } from "../hooks/useNodeState.js";
import type { JourneyFlowNode } from "../store/types.js";
import { cardSummary, portLabel } from "./card.js";
import { StepCountsTable, stepRows } from "./StepCountsTable.js";

function formatCount(raw: number): string {
  // Counters are batched per node, so "waiting" can dip below zero for a moment; nobody waits -1 times.
  const n = Math.max(0, raw);
  return n >= 10_000 ? `${Math.round(n / 1000)}k` : n.toLocaleString();
}

/**
 * Re-render only when what the card shows changes: React Flow also passes the node's measured size and
 * absolute position, which change once per node after it is first measured but do not alter the card.
 */
function sameCard(a: NodeProps<JourneyFlowNode>, b: NodeProps<JourneyFlowNode>): boolean {
  return a.id === b.id && a.data === b.data && a.selected === b.selected;
}

/** One journey step on the canvas: a small card with its input at the top and labelled outputs below. */
export const JourneyNodeView = memo(function JourneyNodeView({
  id,
  data,
  selected,
}: NodeProps<JourneyFlowNode>) {
  const { info, ports } = useNodeInfo(data.type, data.config);
  const { problems, counts, simulation } = useNodeState(id);
  const category = info?.category ?? "action";
  const isTrigger = category === "trigger";
  const title = data.name || info?.title || data.type;
  const classes = ["jnode", `jnode--${category}`];
  if (selected) classes.push("jnode--selected");
  if (problems.length) classes.push("jnode--invalid");
  if (simulation) classes.push(`jnode--${simulation}`);
  const color = info?.ui.color;
  const far = useFarView();
  if (far) {
    // Zoomed out: a block in the step's colour, its handles laid out but not drawn (useFarView.ts, styles/editor/far-view.css);
    // the name stays for assistive tech.
    classes.push("jnode--far");
    return (
      <div
        className={classes.join(" ")}
        data-testid={`node-${id}`}
        aria-label={title}
        style={color ? { "--node-accent": color } : undefined}
      >
        {isTrigger ? null : <Handle type="target" position={Position.Top} className="jnode__in" />}
        {ports.map((port, i) => (
          <Handle
            key={port}
            type="source"
            id={port}
            position={Position.Bottom}
            className="jnode__out"
            style={{ left: `${((i + 1) * 100) / (ports.length + 1)}%` }}
          />
        ))}
      </div>
    );
  }
  const steps = counts ? stepRows(data.config, counts.steps) : null;
  if (steps) classes.push("jnode--steps");

  // Flat on purpose: with hundreds of cards every element costs style, layout and paint when a journey opens,
  // so the card is one block (icon and problem badge positioned on it; kind, title, counts and ports rows) and a
  // port is its label and its handle (docs/benchmarks.md, studio-canvas).
  return (
    <div
      className={classes.join(" ")}
      data-testid={`node-${id}`}
      style={color ? { "--node-accent": color } : undefined}
    >
      {isTrigger ? null : <Handle type="target" position={Position.Top} className="jnode__in" />}
      <Icon name={info?.icon ?? "box"} className="jnode__icon" />
      <div className="jnode__kind">{info ? info.title : "Unknown type"}</div>
      <div className="jnode__title">
        {data.name ? title : cardSummary(info, data.config) || title}
      </div>
      {problems.length ? (
        <span
          className="jnode__problems"
          title={problems.map((p) => p.message).join("\n")}
          aria-label={`${problems.length} problem${problems.length === 1 ? "" : "s"}`}
        >
          {problems.length}
        </span>
      ) : null}
      {counts ? (
        <div className="jnode__counts" data-testid={`counts-${id}`}>
          <span title="Entered">
            <b>{formatCount(counts.entered)}</b> in
          </span>
          <span title="Waiting here now">
            <b>{formatCount(counts.active)}</b> waiting
          </span>
          <span title="Completed">
            <b>{formatCount(counts.completed)}</b> done
          </span>
          {counts.failed ? (
            <span title="Failed at this step" className="jnode__failed">
              <b>{formatCount(counts.failed)}</b> failed
            </span>
          ) : null}
          {counts.converted ? (
            <span title="Converted" className="jnode__conv">
              <b>{formatCount(counts.converted)}</b> conv.
            </span>
          ) : null}
        </div>
      ) : null}
      {steps ? <StepCountsTable steps={steps} currency={counts?.currency} /> : null}
      {ports.length > 1 ? (
        <div className="jnode__ports">
          {ports.map((port, i) => (
            <Fragment key={port}>
              <span
                className={`jnode__port jnode__port--${port}`}
                title={info?.ui.ports?.[port] ?? port}
              >
                {portLabel(port)}
              </span>
              {/* Placed in its label's column of the ports grid, so it sits centred under the label. */}
              <Handle
                type="source"
                id={port}
                position={Position.Bottom}
                className="jnode__out"
                style={{ gridColumn: `${i + 1} / span 1` }}
              />
            </Fragment>
          ))}
        </div>
      ) : ports.length === 1 ? (
        <Handle type="source" id={ports[0]} position={Position.Bottom} className="jnode__out" />
      ) : null}
    </div>
  );
}, sameCard);
