import { z } from "zod";
import {
  Approval,
  ApprovalDecisionInput,
  ApprovalList,
  ApprovalRequestInput,
  ApprovalSettings,
} from "@omnijourney/shared";
import {
  approvalsRequired,
  decideApproval,
  findApproval,
  insertApproval,
  listApprovals,
  setApprovalsRequired,
  type ApprovalRecord,
} from "@omnijourney/store";
import { endpoint } from "../http/endpoint.js";
import { AppError, notFound, validationError } from "../errors.js";
import { actorOf } from "../auth.js";
import { Id, IdParams } from "../schemas/common.js";
import { recordAudit } from "../services/audit.js";
import {
  compileOrReject,
  findJourney,
  publishDocument,
  validationContext,
} from "../services/journeys.js";

const tags = ["approvals"];

const approvalView = (a: ApprovalRecord): Approval => ({
  id: a._id,
  journeyId: a.journeyId,
  journeyName: a.journeyName,
  status: a.status,
  note: a.note,
  requestedBy: a.requestedBy,
  requestedAt: a.requestedAt.toISOString(),
  ...(a.decidedBy ? { decidedBy: a.decidedBy } : {}),
  ...(a.decidedAt ? { decidedAt: a.decidedAt.toISOString() } : {}),
  ...(a.decisionNote ? { decisionNote: a.decisionNote } : {}),
  ...(a.version !== undefined ? { version: a.version } : {}),
  document: a.document,
});

export const getApprovalSettings = endpoint({
  method: "get",
  path: "/approvals/settings",
  summary: "Whether publishing goes through approvals",
  tags,
  auth: "bearer",
  role: "viewer",
  response: ApprovalSettings,
  handler: async (_i, { app }) => ({ required: await approvalsRequired(app.db) }),
});

export const putApprovalSettings = endpoint({
  method: "put",
  path: "/approvals/settings",
  summary: "Turn approvals on or off (off by default)",
  tags,
  auth: "bearer",
  role: "admin",
  body: ApprovalSettings.strict(),
  response: ApprovalSettings,
  handler: async ({ body }, { app, req }) => {
    const before = await approvalsRequired(app.db);
    await setApprovalsRequired(app.db, body.required);
    await recordAudit(app, req, {
      action: "settings.approvals_changed",
      object: { type: "settings", id: "workspace", name: "Approvals" },
      before: { approvalsRequired: before },
      after: { approvalsRequired: body.required },
    });
    return { required: body.required };
  },
});

export const requestPublication = endpoint({
  method: "post",
  path: "/journeys/:id/approvals",
  summary: "Ask a publisher to publish the journey's draft, with a note (approvals must be on)",
  tags,
  auth: "bearer",
  role: "editor",
  params: IdParams,
  body: ApprovalRequestInput,
  response: Approval,
  status: 201,
  handler: async ({ params, body }, { app, req }) => {
    if (!(await approvalsRequired(app.db)))
      throw new AppError(409, "approvals_off", "Approvals are off: a publisher publishes directly");
    const journey = await findJourney(app, params.id);
    if (journey.status === "archived")
      throw new AppError(409, "journey_archived", "An archived journey cannot be published", {
        id: params.id,
      });
    // A request for a draft that cannot publish would only be rejected: say so now, with its problems.
    compileOrReject(journey.document, await validationContext(app));
    const pending = await listApprovals(app.db, { journeyId: params.id, status: "pending" });
    for (const old of pending)
      await decideApproval(app.db, old._id, { status: "withdrawn", decidedBy: actorOf(req).actor });
    const { actor, actorId } = actorOf(req);
    const approval = await insertApproval(app.db, {
      journeyId: journey._id,
      journeyName: journey.name,
      note: body.note,
      document: journey.document,
      requestedBy: actor,
      ...(actorId ? { requestedById: actorId } : {}),
    });
    await recordAudit(app, req, {
      action: "journey.publication_requested",
      object: { type: "journey", id: journey._id, name: journey.name },
      details: { approvalId: approval._id, note: body.note },
    });
    return approvalView(approval);
  },
});

const ApprovalQuery = z
  .object({
    status: z.enum(["pending", "approved", "rejected", "withdrawn"]),
    journeyId: Id,
  })
  .partial()
  .strict();

export const listPublicationRequests = endpoint({
  method: "get",
  path: "/approvals",
  summary: "Publication requests, newest first",
  tags,
  auth: "bearer",
  role: "viewer",
  query: ApprovalQuery,
  response: ApprovalList,
  handler: async ({ query }, { app }) => ({
    approvals: (await listApprovals(app.db, query)).map(approvalView),
  }),
});

const pendingApproval = async (app: Parameters<typeof findJourney>[0], id: string) => {
  const approval = await findApproval(app.db, id);
  if (!approval) throw notFound("Approval", id);
  if (approval.status !== "pending")
    throw new AppError(409, "already_decided", `This request was already ${approval.status}`, {
      id,
    });
  return approval;
};

export const approve = endpoint({
  method: "post",
  path: "/approvals/:id/approve",
  summary: "Approve a request: publishes the draft exactly as it was requested",
  tags,
  auth: "bearer",
  role: "publisher",
  params: IdParams,
  body: ApprovalDecisionInput,
  response: Approval,
  handler: async ({ params, body }, { app, req }) => {
    const approval = await pendingApproval(app, params.id);
    const journey = await findJourney(app, approval.journeyId);
    if (journey.status === "archived")
      throw new AppError(409, "journey_archived", "An archived journey cannot be published", {
        id: journey._id,
      });
    const before = { status: journey.status, liveVersion: journey.liveVersion };
    const published = await publishDocument(app, journey._id, approval.document);
    const decided = await decideApproval(app.db, approval._id, {
      status: "approved",
      decidedBy: actorOf(req).actor,
      ...(body.note ? { decisionNote: body.note } : {}),
      version: published.version,
    });
    if (!decided) throw new AppError(409, "already_decided", "This request was decided meanwhile");
    const object = { type: "journey", id: journey._id, name: journey.name };
    await recordAudit(app, req, {
      action: "journey.publication_approved",
      object,
      details: {
        approvalId: approval._id,
        requestedBy: approval.requestedBy,
        note: body.note ?? null,
      },
    });
    await recordAudit(app, req, {
      action: "journey.published",
      object,
      before,
      after: { status: "live", liveVersion: published.version },
      details: { hash: published.hash, approvalId: approval._id },
    });
    return approvalView(decided);
  },
});

export const reject = endpoint({
  method: "post",
  path: "/approvals/:id/reject",
  summary: "Reject a request with a note for the editor",
  tags,
  auth: "bearer",
  role: "publisher",
  params: IdParams,
  body: ApprovalDecisionInput,
  response: Approval,
  handler: async ({ params, body }, { app, req }) => {
    if (!body.note)
      throw validationError([
        { path: "body.note", code: "required", message: "say why, so the editor can fix it" },
      ]);
    const approval = await pendingApproval(app, params.id);
    const decided = await decideApproval(app.db, approval._id, {
      status: "rejected",
      decidedBy: actorOf(req).actor,
      decisionNote: body.note,
    });
    if (!decided) throw new AppError(409, "already_decided", "This request was decided meanwhile");
    await recordAudit(app, req, {
      action: "journey.publication_rejected",
      object: { type: "journey", id: approval.journeyId, name: approval.journeyName },
      details: { approvalId: approval._id, requestedBy: approval.requestedBy, note: body.note },
    });
    return approvalView(decided);
  },
});

export const approvalEndpoints = [
  requestPublication,
  getApprovalSettings,
  putApprovalSettings,
  listPublicationRequests,
  approve,
  reject,
];
