"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { StaleEdit } from "@/components/evidence/stale-edit-notice";
import type { ActionState } from "@/components/forms/action-state";
import type { ObservationDto } from "@/lib/schemas/evidence";
import { requireSessionActor } from "@/server/auth/session";
import { createObservation } from "@/server/evidence/create-observation";
import { retractObservation } from "@/server/evidence/retract-observation";
import { updateObservation } from "@/server/evidence/update-observation";
import { formText } from "../../../../_lib/action-result";
import { libraryActionError, libraryPath, revisionOf } from "../_lib/library-action";
import { observationInputFrom } from "./observation-form-data";

// Nothing here is trusted for authorization: the domain functions check that the caller is an
// owner or analyst of the workspace and that the ids belong to it.

type ObservationState = ActionState<StaleEdit<ObservationDto>>;

/** Records a new observation and opens it. */
export async function createObservationAction(
  workspaceId: string,
  _state: ObservationState,
  formData: FormData,
): Promise<ObservationState> {
  const actor = await requireSessionActor(libraryPath(workspaceId, "/observations/new"));
  let observation: ObservationDto;
  try {
    observation = await createObservation({ actor, workspaceId, input: observationInputFrom(formData) });
  } catch (error) {
    return libraryActionError(error);
  }
  revalidatePath(libraryPath(workspaceId), "layout");
  redirect(libraryPath(workspaceId, `/observations/${observation.id}`));
}

/** Saves an edit made against the revision in the form; a newer one on the server comes back as a conflict. */
export async function updateObservationAction(
  workspaceId: string,
  observationId: string,
  _state: ObservationState,
  formData: FormData,
): Promise<ObservationState> {
  const path = libraryPath(workspaceId, `/observations/${observationId}`);
  const actor = await requireSessionActor(`${path}/edit`);
  try {
    await updateObservation({
      actor,
      workspaceId,
      observationId,
      input: { ...observationInputFrom(formData), revision: revisionOf(formData) },
    });
  } catch (error) {
    return libraryActionError(error);
  }
  revalidatePath(libraryPath(workspaceId), "layout");
  redirect(path);
}

/** Retracts an observation with the reason typed in the dialog; it stays listed and cited, marked. */
export async function retractObservationAction(
  workspaceId: string,
  observationId: string,
  _state: ObservationState,
  formData: FormData,
): Promise<ObservationState> {
  const actor = await requireSessionActor(libraryPath(workspaceId, `/observations/${observationId}`));
  try {
    await retractObservation({
      actor,
      workspaceId,
      observationId,
      reason: formText(formData, "reason") ?? "",
      revision: revisionOf(formData),
    });
  } catch (error) {
    return libraryActionError(error);
  }
  revalidatePath(libraryPath(workspaceId), "layout");
  return { status: "success", message: "Observation retracted." };
}
