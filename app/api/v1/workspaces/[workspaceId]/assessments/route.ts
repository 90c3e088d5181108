import { createAssessmentInput, listAssessmentsQuery } from "@/lib/schemas/assessments";
import { createAssessment } from "@/server/assessments/create-assessment";
import { listAssessments } from "@/server/assessments/list-assessments";
import { apiRoute, created } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { workspaceId: string };

/** The workspace's assessments; `?archived=true` lists the archived ones. */
export const GET = apiRoute<Params>(async ({ request, params, actor }) => {
  const query = parseInput(listAssessmentsQuery, Object.fromEntries(new URL(request.url).searchParams));
  return listAssessments({ actor, workspaceId: params.workspaceId, archived: query.archived === "true" });
});

/** Creates an assessment (owners and analysts). */
export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseInput(createAssessmentInput, await readJsonBody(request));
  return created(await createAssessment({ ...input, actor, workspaceId: params.workspaceId }));
});
