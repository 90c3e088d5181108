"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { StaleEdit } from "@/components/evidence/stale-edit-notice";
import type { ActionState } from "@/components/forms/action-state";
import type { CreateSiteInput, SiteDto } from "@/lib/schemas/evidence";
import { requireSessionActor } from "@/server/auth/session";
import { createSite } from "@/server/evidence/create-site";
import { updateSite } from "@/server/evidence/update-site";
import { optionalFormText } from "../../../../_lib/action-result";
import { libraryActionError, libraryPath, revisionOf, textOrEmpty, textOrNull } from "../_lib/library-action";

type SiteState = ActionState<StaleEdit<SiteDto>>;

/** A coordinate as typed: blank is none, anything else a number (the schema refuses NaN with a message). */
function coordinate(formData: FormData, name: string): number | null {
  const value = optionalFormText(formData, name);
  return value === undefined ? null : Number(value);
}

/** The site form as the domain's input. */
function siteInputFrom(formData: FormData): CreateSiteInput {
  return {
    externalId: textOrNull(formData, "externalId"),
    name: textOrEmpty(formData, "name"),
    latitude: coordinate(formData, "latitude"),
    longitude: coordinate(formData, "longitude"),
    coordinatePrecision: textOrNull(formData, "coordinatePrecision"),
    coordinateNote: textOrEmpty(formData, "coordinateNote"),
    // Typed in lower case just as often; the code itself is what is validated.
    country: textOrNull(formData, "country")?.toUpperCase() ?? null,
    region: textOrEmpty(formData, "region"),
    type: textOrEmpty(formData, "type"),
  } as CreateSiteInput;
}

/** Adds a site to the library (owners and analysts) and goes back to the list. */
export async function createSiteAction(workspaceId: string, _state: SiteState, formData: FormData): Promise<SiteState> {
  const actor = await requireSessionActor(libraryPath(workspaceId, "/sites/new"));
  try {
    await createSite({ actor, workspaceId, input: siteInputFrom(formData) });
  } catch (error) {
    return libraryActionError(error);
  }
  revalidatePath(libraryPath(workspaceId), "layout");
  redirect(libraryPath(workspaceId, "/sites"));
}

/** Saves an edit of a site against the revision in the form. */
export async function updateSiteAction(
  workspaceId: string,
  siteId: string,
  _state: SiteState,
  formData: FormData,
): Promise<SiteState> {
  const actor = await requireSessionActor(libraryPath(workspaceId, `/sites/${siteId}/edit`));
  try {
    await updateSite({
      actor,
      workspaceId,
      siteId,
      input: { ...siteInputFrom(formData), revision: revisionOf(formData) },
    });
  } catch (error) {
    return libraryActionError(error);
  }
  revalidatePath(libraryPath(workspaceId), "layout");
  redirect(libraryPath(workspaceId, `/sites/${siteId}`));
}
