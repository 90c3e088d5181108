import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { compareVersionsQuery, createNamedVersionInput, versionComparisonDto } from "@/lib/schemas/history";
import { versionSummaryDto } from "@/lib/schemas/lifecycle";
import { errorResponses, jsonBody, jsonResponse } from "../registry";

const assessmentParams = z.object({ assessmentId: z.uuid() });
const versionParams = assessmentParams.extend({
  number: z.string().describe("The version's number, from 1."),
});

/** Version history: named versions, comparing two versions, restoring one (docs/history.md). */
export function registerHistoryPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "post",
    path: "/api/v1/assessments/{assessmentId}/versions",
    tags: ["History"],
    summary: "Name the text as it is now as a version",
    description:
      "Owners and analysts (403 `forbidden:version` otherwise). Freezes the text rebuilt from the durable log, " +
      "with its judgements, citations and current approvals, as the next version (kind `named`). A name of 1–120 " +
      "characters; otherwise 400 with field messages and nothing is frozen.",
    request: { params: assessmentParams, body: jsonBody(createNamedVersionInput) },
    responses: {
      201: jsonResponse("The new version; `Location` is its URL.", versionSummaryDto),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/assessments/{assessmentId}/versions/compare",
    tags: ["History"],
    summary: "Compare two versions",
    description:
      "Any member. Per judgement (matched by block id): added, removed, changed or unchanged, the statement's word " +
      "diff, likelihood, confidence and key flag before and after, citations added and removed, and the approvals " +
      "current at each point; then paragraphs, headings and list items added, removed or edited, with word diffs. " +
      "`to=current` compares with the live text. A number the assessment does not have is 404 `not_found:version`; " +
      "malformed numbers or `from` equal to `to` are 400 with field messages.",
    request: { params: assessmentParams, query: compareVersionsQuery },
    responses: {
      200: jsonResponse("What changed.", versionComparisonDto),
      ...errorResponses("bad_request", "unauthorized", "not_found"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/assessments/{assessmentId}/versions/{number}/restore",
    tags: ["History"],
    summary: "Restore a version as a new change on top",
    description:
      "Owners and analysts (403 `forbidden:version`). Appends the Yjs update that turns the current text into the " +
      "version's to the durable log, as an edit: nothing is rewritten and open editors receive it at once. Records " +
      '`assessment.version_restored` and freezes an automatic version "Restored from version N". Refused with 409 ' +
      "while the assessment is published (`conflict:assessment_status`) or archived (`conflict:assessment_archived`).",
    request: { params: versionParams },
    responses: {
      201: jsonResponse("The automatic version frozen after the restore.", versionSummaryDto),
      ...errorResponses("unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
}
