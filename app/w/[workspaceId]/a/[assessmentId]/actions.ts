"use server";

import { revalidatePath } from "next/cache";
import type { DetailsResult } from "@/components/assessments/assessment-details-form";
import type { ActionState } from "@/components/forms/action-state";
import type { Details } from "@/lib/assessments/details-draft";
import { isAppError } from "@/lib/errors";
import { versionMention } from "@/lib/history/version-labels";
import type { AssessmentDetail } from "@/lib/schemas/assessments";
import type { VersionSummaryDto } from "@/lib/schemas/lifecycle";
import type { TlpMarking } from "@/lib/tlp";
import { setAssessmentArchived } from "@/server/assessments/set-assessment-archived";
import { updateAssessment } from "@/server/assessments/update-assessment";
import { requireSessionActor } from "@/server/auth/session";
import { changeAssessmentStatus } from "@/server/lifecycle/change-assessment-status";
import { publishAssessment } from "@/server/lifecycle/publish-assessment";
import { requestReview } from "@/server/lifecycle/request-review";
import { actionError, formText } from "../../../../_lib/action-result";

function revalidateAssessment(workspaceId: string, assessmentId: string): void {
  revalidatePath(`/w/${workspaceId}/a/${assessmentId}`);
  revalidatePath(`/w/${workspaceId}`);
}

function detailsOf(assessment: AssessmentDetail): Details {
  return { title: assessment.title, keyQuestion: assessment.keyQuestion, tlp: assessment.tlp };
}

/**
 * Saves the title, key question and TLP marking (owners and analysts; not while archived), made
 * against the values the form started from: fields this user did not change are never written,
 * and a field someone else changed meanwhile is refused with their version for the form to show.
 */
export async function updateAssessmentAction(
  workspaceId: string,
  assessmentId: string,
  _state: ActionState<DetailsResult>,
  formData: FormData,
): Promise<ActionState<DetailsResult>> {
  const actor = await requireSessionActor(`/w/${workspaceId}/a/${assessmentId}`);
  let saved: AssessmentDetail;
  try {
    saved = await updateAssessment({
      actor,
      assessmentId,
      title: formText(formData, "title"),
      keyQuestion: formText(formData, "keyQuestion"),
      // Validated by the domain's zod schema.
      tlp: formText(formData, "tlp") as TlpMarking | undefined,
      expected: {
        title: formText(formData, "expectedTitle"),
        keyQuestion: formText(formData, "expectedKeyQuestion"),
        tlp: formText(formData, "expectedTlp") as TlpMarking | undefined,
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "conflict:assessment_details") {
      // The form shows each conflict beside its field with their value and who changed it, so no field messages here.
      const current = error.current as AssessmentDetail;
      return {
        status: "error",
        error: error.message,
        data: { current: detailsOf(current), lastChanges: current.lastChanges },
      };
    }
    return actionError(error);
  }
  revalidateAssessment(workspaceId, assessmentId);
  return { status: "success", message: "Changes saved.", data: { saved: detailsOf(saved) } };
}

/** Archives or restores the assessment (owners and analysts). */
export async function setArchivedAction(
  workspaceId: string,
  assessmentId: string,
  archived: boolean,
  _state: ActionState,
  _formData: FormData,
): Promise<ActionState> {
  const actor = await requireSessionActor(`/w/${workspaceId}/a/${assessmentId}`);
  try {
    await setAssessmentArchived({ actor, assessmentId, archived });
  } catch (error) {
    return actionError(error);
  }
  revalidateAssessment(workspaceId, assessmentId);
  return { status: "success", message: archived ? "Assessment archived." : "Assessment restored." };
}

/** Asks the checked reviewers to review (owners and analysts; draft → in review, or more reviewers). */
export async function requestReviewAction(
  workspaceId: string,
  assessmentId: string,
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const actor = await requireSessionActor(`/w/${workspaceId}/a/${assessmentId}`);
  const reviewerIds = formData.getAll("reviewerIds").filter((value): value is string => typeof value === "string");
  try {
    await requestReview({ actor, assessmentId, reviewerIds });
  } catch (error) {
    return actionError(error);
  }
  revalidateAssessment(workspaceId, assessmentId);
  return { status: "success", message: "Review requested." };
}

/** Marks it approved (gate permitting), withdraws it to draft, or starts a new draft on a published version. */
export async function changeStatusAction(
  workspaceId: string,
  assessmentId: string,
  status: "approved" | "draft",
  _state: ActionState,
  _formData: FormData,
): Promise<ActionState> {
  const actor = await requireSessionActor(`/w/${workspaceId}/a/${assessmentId}`);
  try {
    await changeAssessmentStatus({ actor, assessmentId, status });
  } catch (error) {
    return actionError(error);
  }
  revalidateAssessment(workspaceId, assessmentId);
  return { status: "success", message: status === "approved" ? "Marked approved." : "Back to draft." };
}

/** Publishes the approved assessment as its next publication (owners only). */
export async function publishAction(
  workspaceId: string,
  assessmentId: string,
  _state: ActionState,
  _formData: FormData,
): Promise<ActionState> {
  const actor = await requireSessionActor(`/w/${workspaceId}/a/${assessmentId}`);
  let version: VersionSummaryDto;
  try {
    version = await publishAssessment({ actor, assessmentId });
  } catch (error) {
    return actionError(error);
  }
  revalidateAssessment(workspaceId, assessmentId);
  return { status: "success", message: `Published as ${versionMention(version)}.` };
}
