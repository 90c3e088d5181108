"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/components/forms/action-state";
import type { TlpMarking } from "@/lib/tlp";
import { createAssessment } from "@/server/assessments/create-assessment";
import { requireSessionActor } from "@/server/auth/session";
import { actionError, formText, optionalFormText } from "../../_lib/action-result";

/** Creates an assessment in the workspace (owners and analysts only) and opens it. */
export async function createAssessmentAction(
  workspaceId: string,
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const actor = await requireSessionActor(`/w/${workspaceId}`);
  let assessmentId: string;
  try {
    const assessment = await createAssessment({
      actor,
      workspaceId,
      title: formText(formData, "title") ?? "",
      keyQuestion: optionalFormText(formData, "keyQuestion"),
      // The domain's zod schema rejects anything that is not a TLP marking.
      tlp: optionalFormText(formData, "tlp") as TlpMarking | undefined,
    });
    assessmentId = assessment.id;
  } catch (error) {
    return actionError(error);
  }
  redirect(`/w/${workspaceId}/a/${assessmentId}`);
}
