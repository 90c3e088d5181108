"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/components/forms/action-state";
import { requireSessionActor } from "@/server/auth/session";
import { createWorkspace } from "@/server/workspaces/create-workspace";
import { actionError, formText } from "../../_lib/action-result";

/** Creates a workspace with the caller as its owner, then opens it. */
export async function createWorkspaceAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireSessionActor("/w/new");
  let workspaceId: string;
  try {
    ({ id: workspaceId } = await createWorkspace({ actor, name: formText(formData, "name") ?? "" }));
  } catch (error) {
    return actionError(error);
  }
  redirect(`/w/${workspaceId}`);
}
