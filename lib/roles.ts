/** Workspace roles, from most to least privileged. */
export const WORKSPACE_ROLES = ["owner", "analyst", "reviewer", "viewer"] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

export const ROLE_LABELS: Record<WorkspaceRole, string> = {
  owner: "Owner",
  analyst: "Analyst",
  reviewer: "Reviewer",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<WorkspaceRole, string> = {
  owner: "Manages members and settings; writes assessments.",
  analyst: "Writes assessments and evidence.",
  reviewer: "Comments on and approves judgements; does not edit the text.",
  viewer: "Reads assessments.",
};

/** Roles that may create assessments and edit their text and metadata. */
export const WRITER_ROLES: readonly WorkspaceRole[] = ["owner", "analyst"];

/** Whether a member with this role may create and edit assessments. */
export function canWriteAssessments(role: WorkspaceRole): boolean {
  return WRITER_ROLES.includes(role);
}

/** Whether a member with this role may manage members, invitations and workspace settings. */
export function canManageWorkspace(role: WorkspaceRole): boolean {
  return role === "owner";
}
