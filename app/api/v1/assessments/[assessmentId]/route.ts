import { patchAssessmentInput } from "@/lib/schemas/assessments";
import { getAssessment } from "@/server/assessments/get-assessment";
import { setAssessmentArchived } from "@/server/assessments/set-assessment-archived";
import { updateAssessment } from "@/server/assessments/update-assessment";
import { apiRoute } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";

type Params = { assessmentId: string };

/** One assessment, with the caller's role and whether they may edit it. */
export const GET = apiRoute<Params>(async ({ params, actor }) =>
  getAssessment({ actor, assessmentId: params.assessmentId }),
);

/**
 * Changes title, key question or TLP, and/or archives (`archived: true`) or restores it.
 * Restoring happens before the metadata change and archiving after it, so one request can do
 * either "unarchive and rename" or "rename and archive". With `expected` (the values the change was
 * made against), fields changed by someone else since are a 409 instead of being overwritten.
 */
export const PATCH = apiRoute<Params>(async ({ request, params, actor }) => {
  const { archived, expected, ...changes } = parseInput(patchAssessmentInput, await readJsonBody(request));
  const assessmentId = params.assessmentId;
  let detail = archived === false ? await setAssessmentArchived({ actor, assessmentId, archived }) : undefined;
  if (Object.values(changes).some((value) => value !== undefined)) {
    detail = await updateAssessment({ ...changes, expected, actor, assessmentId });
  }
  if (archived === true) detail = await setAssessmentArchived({ actor, assessmentId, archived });
  return detail ?? getAssessment({ actor, assessmentId });
});
