import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { assessmentReviewsDto, judgementReviewDto, reviewJudgementInput } from "@/lib/schemas/reviews";
import { errorResponses, jsonBody, jsonResponse } from "../registry";

const assessmentParams = z.object({ assessmentId: z.uuid() });
const judgementParams = assessmentParams.extend({
  judgementId: z.string().describe('The judgement block\'s id ("jdg_…").'),
});

/** Reviews: verdicts on judgements and each judgement's review state. */
export function registerReviewPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "post",
    path: "/api/v1/assessments/{assessmentId}/judgements/{judgementId}/reviews",
    tags: ["Reviews"],
    summary: "Approve a judgement or request changes",
    description:
      "Reviewers and owners only (403 `forbidden:review`). Records a hash of exactly what was reviewed: statement, " +
      "likelihood, confidence, the sorted citations and each cited observation's revision, credibility, source " +
      "reliability and retraction; the approval goes stale when any of these changes. Requesting changes needs a " +
      "`comment`. Approving a judgement you ever edited is refused with 403 `forbidden:self_approval` (four eyes: " +
      "requesting changes stays open to you). A judgement id not in this assessment is 404; an archived " +
      "assessment is 409.",
    request: { params: judgementParams, body: jsonBody(reviewJudgementInput) },
    responses: {
      201: jsonResponse("The recorded verdict.", judgementReviewDto),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/assessments/{assessmentId}/reviews",
    tags: ["Reviews"],
    summary: "List the review state of an assessment's judgements",
    description:
      "Per judgement in document order: `approved` (enough current approvals; key judgements use the workspace's " +
      "`requiredKeyApprovals`), `stale`, `changes_requested` or `awaiting_review`, with every verdict, whether it is " +
      "current, and what changed since for verdicts that are not. Only each reviewer's latest verdict counts, and " +
      "only while they are a member whose role reviews (owner, reviewer); an approval by someone who edited the " +
      "judgement never counts. Verdicts that do not count stay listed with `notCountedReason`.",
    request: { params: assessmentParams },
    responses: {
      200: jsonResponse("The review state.", assessmentReviewsDto),
      ...errorResponses("unauthorized", "not_found"),
    },
  });
}
