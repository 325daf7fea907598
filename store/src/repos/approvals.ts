import type { Collections } from "../models/index.js";
import type { ApprovalRecord } from "../models/team.js";
import { newId } from "../models/ids.js";
import { readWorkspaceSettings, updateWorkspaceSettings } from "./settings.js";

export const insertApproval = async (
  models: Collections,
  fields: Omit<ApprovalRecord, "_id" | "status" | "requestedAt">,
): Promise<ApprovalRecord> => {
  const approval: ApprovalRecord = {
    _id: newId("ap"),
    status: "pending",
    requestedAt: new Date(),
    ...fields,
  };
  await models.approvals.insertOne(approval);
  return approval;
};

/** Requests, newest first, filtered by journey and status. */
export const listApprovals = (
  models: Collections,
  filter: { journeyId?: string; status?: ApprovalRecord["status"] },
  limit = 100,
) =>
  models.approvals
    .find({
      ...(filter.journeyId ? { journeyId: filter.journeyId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    })
    .sort({ requestedAt: -1 })
    .limit(limit)
    .toArray();

export const findApproval = (models: Collections, id: string) =>
  models.approvals.findOne({ _id: id });

/** Decides a pending request (conditional on it still being pending: one decision wins); null when it is not. */
export const decideApproval = (
  models: Collections,
  id: string,
  decision: Pick<ApprovalRecord, "status" | "decidedBy" | "decisionNote" | "version">,
) =>
  models.approvals.findOneAndUpdate(
    { _id: id, status: "pending" },
    { $set: { ...decision, decidedAt: new Date() } },
    { returnDocument: "after" },
  );

/** Whether publishing goes through approvals (off unless an admin turned it on). */
export const approvalsRequired = async (models: Collections): Promise<boolean> =>
  (await readWorkspaceSettings(models))?.approvalsRequired === true;

export const setApprovalsRequired = (models: Collections, required: boolean) =>
  updateWorkspaceSettings(models, { approvalsRequired: required, updatedAt: new Date() });
