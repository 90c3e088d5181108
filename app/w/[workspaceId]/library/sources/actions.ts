"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { StaleEdit } from "@/components/evidence/stale-edit-notice";
import type { ActionState } from "@/components/forms/action-state";
import type { CreateSourceInput, SourceDto } from "@/lib/schemas/evidence";
import { requireSessionActor } from "@/server/auth/session";
import { createSource } from "@/server/evidence/create-source";
import { updateSource } from "@/server/evidence/update-source";
import { formText } from "../../../../_lib/action-result";
import { libraryActionError, libraryPath, revisionOf, textOrEmpty, textOrNull } from "../_lib/library-action";

type SourceState = ActionState<StaleEdit<SourceDto>>;

/** The source form as the domain's input; the domain validates it (grades, dates, lengths). */
function sourceInputFrom(formData: FormData): CreateSourceInput {
  return {
    externalId: textOrNull(formData, "externalId"),
    publisher: textOrEmpty(formData, "publisher"),
    title: textOrNull(formData, "title"),
    url: textOrNull(formData, "url"),
    publishedOn: textOrNull(formData, "publishedOn"),
    type: formText(formData, "type"),
    typeDetail: textOrNull(formData, "typeDetail"),
    // One per line: names may contain commas ("Bermudez, Joseph").
    authors: textOrEmpty(formData, "authors")
      .split("\n")
      .map((author) => author.trim())
      .filter(Boolean),
    reliability: formText(formData, "reliability"),
    reliabilityRationale: textOrEmpty(formData, "reliabilityRationale"),
    descriptor: textOrEmpty(formData, "descriptor"),
    retrievedOn: textOrNull(formData, "retrievedOn"),
    foundIn: textOrEmpty(formData, "foundIn")
      .split("\n")
      .map((address) => address.trim())
      .filter(Boolean),
  } as CreateSourceInput;
}

/** Adds a source to the library (owners and analysts) and opens it. */
export async function createSourceAction(
  workspaceId: string,
  _state: SourceState,
  formData: FormData,
): Promise<SourceState> {
  const actor = await requireSessionActor(libraryPath(workspaceId, "/sources/new"));
  let source: SourceDto;
  try {
    source = await createSource({ actor, workspaceId, input: sourceInputFrom(formData) });
  } catch (error) {
    return libraryActionError(error);
  }
  revalidatePath(libraryPath(workspaceId), "layout");
  redirect(libraryPath(workspaceId, `/sources/${source.id}`));
}

/** Saves an edit of a source, including a re-grading, against the revision in the form. */
export async function updateSourceAction(
  workspaceId: string,
  sourceId: string,
  _state: SourceState,
  formData: FormData,
): Promise<SourceState> {
  const path = libraryPath(workspaceId, `/sources/${sourceId}`);
  const actor = await requireSessionActor(`${path}/edit`);
  try {
    await updateSource({
      actor,
      workspaceId,
      sourceId,
      input: { ...sourceInputFrom(formData), revision: revisionOf(formData) },
    });
  } catch (error) {
    return libraryActionError(error);
  }
  revalidatePath(libraryPath(workspaceId), "layout");
  redirect(path);
}
