/** `segment.split`: `in` when the profile is in the segment now, else `out`. */
import type { SegmentSplitPlanNode } from "@omnijourney/shared/workflow";
import { never, type NodeBehaviour } from "../behaviour.js";
import { evaluate } from "../evaluate.js";

export const segmentSplit: NodeBehaviour<SegmentSplitPlanNode> = {
  async enter(deps, node, entry) {
    const index = await evaluate(deps, { segmentId: node.config.segmentId }, entry.waitFollows());
    return index === 0 ? "in" : "out";
  },
  startsLongWait: never,
};
