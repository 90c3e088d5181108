"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/forms/action-state";
import { requireSessionActor } from "@/server/auth/session";
import { acceptInvitation } from "@/server/invitations/accept-invitation";
import { actionError } from "../../_lib/action-result";

/** Joins the invitation's workspace and opens it. The token in the link is the authorisation. */
export async function acceptInvitationAction(token: string, _state: ActionState): Promise<ActionState> {
  const actor = await requireSessionActor(`/invite/${encodeURIComponent(token)}`);
  let workspaceId: string;
  try {
    ({ workspaceId } = await acceptInvitation({ actor, token }));
  } catch (error) {
    return actionError(error);
  }
  revalidatePath("/", "layout");
  redirect(`/w/${workspaceId}`);
}
