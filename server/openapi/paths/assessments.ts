import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  assessmentDetail,
  assessmentSummary,
  createAssessmentInput,
  listAssessmentsQuery,
  patchAssessmentInput,
} from "@/lib/schemas/assessments";
import { judgementDto, tradecraftFindingDto } from "@/lib/schemas/judgements";
import { errorResponses, jsonBody, jsonResponse } from "../registry";

const workspaceParams = z.object({ workspaceId: z.uuid() });
const assessmentParams = z.object({ assessmentId: z.uuid() });

/** Assessments: list and create within a workspace, open, change metadata, archive and restore. */
export function registerAssessmentPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/assessments",
    tags: ["Assessments"],
    summary: "List a workspace's assessments",
    description: "Most recently changed first. Archived assessments are listed only with `archived=true`.",
    request: { params: workspaceParams, query: listAssessmentsQuery },
    responses: {
      200: jsonResponse("The assessments.", z.array(assessmentSummary)),
      ...errorResponses("bad_request", "unauthorized", "not_found"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/assessments",
    tags: ["Assessments"],
    summary: "Create an assessment",
    description: "Owners and analysts only. Starts as a draft marked TLP:AMBER unless `tlp` says otherwise.",
    request: { params: workspaceParams, body: jsonBody(createAssessmentInput) },
    responses: {
      201: jsonResponse("The new assessment.", assessmentDetail),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/assessments/{assessmentId}",
    tags: ["Assessments"],
    summary: "Open an assessment",
    request: { params: assessmentParams },
    responses: {
      200: jsonResponse("The assessment, with your role and whether you may edit it.", assessmentDetail),
      ...errorResponses("unauthorized", "not_found"),
    },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/assessments/{assessmentId}",
    tags: ["Assessments"],
    summary: "Change, archive or restore an assessment",
    description:
      "Owners and analysts only. Changing the title, key question or TLP of an archived assessment is refused " +
      "(409 `conflict:assessment_archived`) unless the same request restores it with `archived: false`. " +
      "Send `expected` (the values you read before editing) so that a colleague's change is never overwritten: " +
      "fields sent as expected are left as they are, and a field you change that someone else changed since is " +
      "refused with 409 `conflict:assessment_details` (a message per field in `error.fields` naming who changed it, " +
      "the assessment as it is now in `error.current`, whose `lastChanges` says who changed each field and when); " +
      "nothing is changed then.",
    request: { params: assessmentParams, body: jsonBody(patchAssessmentInput) },
    responses: {
      200: jsonResponse("The assessment after the change.", assessmentDetail),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/assessments/{assessmentId}/judgements",
    tags: ["Assessments"],
    summary: "List an assessment's judgements",
    description:
      "The judgement blocks of the assessment's text in document order, as the server last projected them " +
      "(a few seconds behind live edits made through another server process). Citations of observations " +
      "outside the workspace are listed only as `unresolvedCitations`.",
    request: { params: assessmentParams },
    responses: {
      200: jsonResponse("The judgements.", z.array(judgementDto)),
      ...errorResponses("unauthorized", "not_found"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/assessments/{assessmentId}/findings",
    tags: ["Assessments"],
    summary: "Check an assessment's tradecraft",
    description:
      "Runs the tradecraft linter (ICD 203 terms and whether the wording matches the likelihood, confidence, " +
      "hedge words, citations, evidence grades, " +
      "retractions) on the server over the assessment's text and its workspace's evidence library: the " +
      "same rules the editor shows live.",
    request: { params: assessmentParams },
    responses: {
      200: jsonResponse("The findings, in document order.", z.array(tradecraftFindingDto)),
      ...errorResponses("unauthorized", "not_found"),
    },
  });
}
