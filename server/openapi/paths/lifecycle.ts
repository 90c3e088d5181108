import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  changeStatusInput,
  getVersionQuery,
  lifecycleDto,
  requestReviewInput,
  reviewRequestDto,
  versionDto,
  versionSummaryDto,
} from "@/lib/schemas/lifecycle";
import { errorResponses, jsonBody, jsonResponse } from "../registry";

const assessmentParams = z.object({ assessmentId: z.uuid() });
const versionParams = assessmentParams.extend({
  number: z.string().describe("The version's number, from 1."),
});

const GATE =
  "The publish gate holds when the assessment has at least one judgement, every judgement block has an id of its " +
  "own, every judgement has its required current approvals (key judgements: the workspace's `requiredKeyApprovals`) " +
  "and no reviewer's latest verdict requests changes, no blocking comment thread is open, and the tradecraft linter " +
  "finds no error. It is checked on the text rebuilt from the durable update log.";

const REFUSED =
  "A refused step changes nothing: 403 for a role that may not take it, 409 for the wrong status or an archived assessment.";

/** The lifecycle: review requests, status changes, the publish gate, publishing and frozen versions. */
export function registerLifecyclePaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/assessments/{assessmentId}/status",
    tags: ["Lifecycle"],
    summary: "Show an assessment's lifecycle and publish gate",
    description: `Any member. The status, the steps the caller's role may take from it, the publish gate with every unmet condition (read-only), the reviewers asked and the published versions. ${GATE}`,
    request: { params: assessmentParams },
    responses: { 200: jsonResponse("The lifecycle.", lifecycleDto), ...errorResponses("unauthorized", "not_found") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/assessments/{assessmentId}/status",
    tags: ["Lifecycle"],
    summary: "Approve, withdraw to draft, or start a new draft",
    description:
      "`approved`: in_review → approved, owners and reviewers, only while the gate holds; otherwise 409 " +
      "`conflict:publish_gate` with the gate in `error.current` (`unmet`: code, message, judgementId, threadId, ruleId). " +
      "`draft`: withdraw from in_review or approved, or start a new draft on top of a published version (its text " +
      `unlocks; published versions stay as they are); owners and analysts. ${REFUSED} Open editors follow at once.`,
    request: { params: assessmentParams, body: jsonBody(changeStatusInput) },
    responses: {
      200: jsonResponse("The lifecycle after the change.", lifecycleDto),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/assessments/{assessmentId}/review-requests",
    tags: ["Lifecycle"],
    summary: "List the reviewers asked to review",
    request: { params: assessmentParams },
    responses: {
      200: jsonResponse(
        "Reviewers asked in the current round (in review or approved), in the order they were asked; empty in draft and once published.",
        z.array(reviewRequestDto),
      ),
      ...errorResponses("unauthorized", "not_found"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/assessments/{assessmentId}/review-requests",
    tags: ["Lifecycle"],
    summary: "Ask reviewers to review",
    description:
      "Owners and analysts. From draft it moves the assessment to in_review; while in review it adds reviewers. " +
      "Reviewers must be members with the role reviewer or owner, and not the caller (400 with field messages " +
      `otherwise). Each reviewer asked gets a review_requested notification. ${REFUSED}`,
    request: { params: assessmentParams, body: jsonBody(requestReviewInput) },
    responses: {
      201: jsonResponse("The lifecycle after the request.", lifecycleDto),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/assessments/{assessmentId}/publish",
    tags: ["Lifecycle"],
    summary: "Publish an approved assessment as its next version",
    description:
      "Owners only (403 `forbidden:publish`): a publication cannot be taken back. The assessment must be approved " +
      `(409 otherwise). ${GATE} An unmet gate is 409 \`conflict:publish_gate\` with the unmet conditions in ` +
      "`error.current`. Freezes the Y.Doc state, the rendered HTML and the structured JSON as version n+1, locks " +
      "the text and notifies authors, requested reviewers and everyone who reviewed a judgement.",
    request: { params: assessmentParams },
    responses: {
      201: jsonResponse("The new version; `Location` is its URL.", versionSummaryDto),
      ...errorResponses("unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/assessments/{assessmentId}/versions",
    tags: ["Lifecycle"],
    summary: "List versions (published, named and automatic)",
    request: { params: assessmentParams },
    responses: {
      200: jsonResponse("Versions, newest first, without contents.", z.array(versionSummaryDto)),
      ...errorResponses("unauthorized", "not_found"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/assessments/{assessmentId}/versions/{number}",
    tags: ["Lifecycle"],
    summary: "Get one version",
    description:
      "Any member. JSON with the rendered `html` and the structured `content`; `?format=html` answers a standalone " +
      "HTML page (TLP marking at top and bottom, no scripts allowed by its Content-Security-Policy).",
    request: { params: versionParams, query: getVersionQuery },
    responses: {
      200: {
        description: "The version.",
        content: { "application/json": { schema: versionDto }, "text/html": { schema: z.string() } },
      },
      ...errorResponses("bad_request", "unauthorized", "not_found"),
    },
  });
  for (const [path, params, methods] of [
    // POST …/versions names a version (server/openapi/paths/history.ts).
    ["/api/v1/assessments/{assessmentId}/versions", assessmentParams, ["put", "patch", "delete"]],
    ["/api/v1/assessments/{assessmentId}/versions/{number}", versionParams, ["post", "put", "patch", "delete"]],
  ] as const) {
    for (const method of methods) {
      registry.registerPath({
        method,
        path,
        tags: ["Lifecycle"],
        summary: "Refused: published versions are immutable",
        description:
          "Always 405 `method_not_allowed:version` with `Allow: GET`, for every role. Versions are created by " +
          "publishing, status changes, naming and restoring; the database refuses any UPDATE or DELETE of a version.",
        request: { params },
        responses: errorResponses("method_not_allowed"),
      });
    }
  }
}
