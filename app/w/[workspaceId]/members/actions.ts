"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/forms/action-state";
import type { WorkspaceRole } from "@/lib/roles";
import { requireSessionActor } from "@/server/auth/session";
import { createInvitation } from "@/server/invitations/create-invitation";
import { revokeInvitation } from "@/server/invitations/revoke-invitation";
import { changeMemberRole } from "@/server/members/change-member-role";
import { removeMember } from "@/server/members/remove-member";
import { renameWorkspace } from "@/server/workspaces/rename-workspace";
import { updateWorkspaceSettings } from "@/server/workspaces/update-workspace-settings";
import { actionError, formText, optionalFormInteger, optionalFormText } from "../../../_lib/action-result";

// Roles arrive as form text; the domain functions validate them with the role schema and
// check that the caller is an owner, so nothing here is trusted for authorization.

const membersPath = (workspaceId: string) => `/w/${workspaceId}/members`;

/** Changes a member's role (owners; never leaves the workspace without an owner). */
export async function changeMemberRoleAction(
  workspaceId: string,
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const actor = await requireSessionActor(membersPath(workspaceId));
  try {
    await changeMemberRole({
      actor,
      workspaceId,
      userId: formText(formData, "userId") ?? "",
      role: formText(formData, "role") as WorkspaceRole,
    });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/w/${workspaceId}`, "layout");
  return { status: "success", message: "Role changed." };
}

/** Removes another member (owners). */
export async function removeMemberAction(
  workspaceId: string,
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const actor = await requireSessionActor(membersPath(workspaceId));
  try {
    await removeMember({ actor, workspaceId, userId: formText(formData, "userId") ?? "" });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(membersPath(workspaceId));
  return { status: "success", message: "Member removed." };
}

/** The caller leaves the workspace (refused for its last owner) and goes home. */
export async function leaveWorkspaceAction(workspaceId: string, _state: ActionState): Promise<ActionState> {
  const actor = await requireSessionActor(membersPath(workspaceId));
  try {
    await removeMember({ actor, workspaceId, userId: actor.id });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath("/", "layout");
  redirect("/");
}

/** Creates an invitation link; the link is returned once, in the form state, and never stored. */
export async function createInvitationAction(
  workspaceId: string,
  _state: ActionState<{ url: string }>,
  formData: FormData,
): Promise<ActionState<{ url: string }>> {
  const actor = await requireSessionActor(membersPath(workspaceId));
  try {
    const { url } = await createInvitation({
      actor,
      workspaceId,
      role: formText(formData, "role") as WorkspaceRole,
      email: optionalFormText(formData, "email") ?? null,
      expiresInHours: optionalFormInteger(formData, "expiresInHours"),
    });
    revalidatePath(membersPath(workspaceId));
    return { status: "success", data: { url } };
  } catch (error) {
    return actionError(error);
  }
}

/** Revokes a pending invitation link (owners). */
export async function revokeInvitationAction(
  workspaceId: string,
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const actor = await requireSessionActor(membersPath(workspaceId));
  try {
    await revokeInvitation({ actor, workspaceId, invitationId: formText(formData, "invitationId") ?? "" });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(membersPath(workspaceId));
  return { status: "success", message: "Invitation revoked." };
}

/** Changes how many current approvals judgements and key judgements need (owners). */
export async function updateReviewRulesAction(
  workspaceId: string,
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const actor = await requireSessionActor(membersPath(workspaceId));
  try {
    await updateWorkspaceSettings({
      actor,
      workspaceId,
      requiredApprovals: optionalFormInteger(formData, "requiredApprovals"),
      requiredKeyApprovals: optionalFormInteger(formData, "requiredKeyApprovals"),
    });
  } catch (error) {
    return actionError(error);
  }
  // Review states of every assessment depend on the rules.
  revalidatePath(`/w/${workspaceId}`, "layout");
  return { status: "success", message: "Review rules saved." };
}

/** Renames the workspace (owners); the name shows in the top bar and on every page of it. */
export async function renameWorkspaceAction(
  workspaceId: string,
  _state: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const actor = await requireSessionActor(membersPath(workspaceId));
  try {
    await renameWorkspace({ actor, workspaceId, name: formText(formData, "name") ?? "" });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/w/${workspaceId}`, "layout");
  return { status: "success", message: "Workspace renamed." };
}
