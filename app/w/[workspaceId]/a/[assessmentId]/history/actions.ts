"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/components/forms/action-state";
import { requireSessionActor } from "@/server/auth/session";
import { createNamedVersion } from "@/server/history/create-named-version";
import { restoreVersion } from "@/server/history/restore-version";
import { actionError, formText } from "../../../../../_lib/action-result";

function revalidateHistory(workspaceId: string, assessmentId: string): void {
  revalidatePath(`/w/${workspaceId}/a/${assessmentId}/history`);
  revalidatePath(`/w/${workspaceId}/a/${assessmentId}`);
}

/** Names the text as it is now (owners and analysts). */
export async function nameVersionAction(
  workspaceId: string,
  assessmentId: string,
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const actor = await requireSessionActor(`/w/${workspaceId}/a/${assessmentId}/history`);
  try {
    const version = await createNamedVersion({ actor, assessmentId, input: { name: formText(formData, "name") } });
    revalidateHistory(workspaceId, assessmentId);
    return { status: "success", message: `Saved as version ${version.number}.` };
  } catch (error) {
    return actionError(error);
  }
}

/** Restores version `number` as a new change on top (owners and analysts). */
export async function restoreVersionAction(
  workspaceId: string,
  assessmentId: string,
  number: number,
  _state: ActionState,
  _formData: FormData,
): Promise<ActionState> {
  const actor = await requireSessionActor(`/w/${workspaceId}/a/${assessmentId}/history`);
  try {
    const version = await restoreVersion({ actor, assessmentId, number });
    revalidateHistory(workspaceId, assessmentId);
    // Its name says which version it restored: "Restored from publication 1".
    return { status: "success", message: `${version.name}; saved as version ${version.number}.` };
  } catch (error) {
    return actionError(error);
  }
}
