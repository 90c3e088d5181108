import type { AssessmentStatus } from "../assessment-status";
import type { WorkspaceRole } from "../roles";

/** The lifecycle steps a member can take on an assessment. */
export const LIFECYCLE_ACTIONS = ["request_review", "approve", "withdraw", "publish", "start_draft"] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

interface LifecycleRule {
  /** Roles that may take the step. */
  roles: readonly WorkspaceRole[];
  /** Statuses the step starts from. */
  from: readonly AssessmentStatus[];
  /** The status it leads to (request_review from in_review only adds reviewers). */
  to: AssessmentStatus;
}

/**
 * Who may move an assessment where (draft → in_review → approved → published, back to draft).
 * - Writers (owners, analysts) ask for review, withdraw a review to draft and start a new draft
 *   on top of a published version: those are steps in writing.
 * - Owners and reviewers mark it approved: the roles whose verdicts count sign it off.
 * - Only owners publish: a publication leaves the team under the workspace's name and cannot be
 *   taken back, so it is the one step no analyst or reviewer takes alone.
 * Asking more reviewers while in review is allowed; the other steps need the exact `from` status.
 */
export const LIFECYCLE_RULES: Record<LifecycleAction, LifecycleRule> = {
  request_review: { roles: ["owner", "analyst"], from: ["draft", "in_review"], to: "in_review" },
  approve: { roles: ["owner", "reviewer"], from: ["in_review"], to: "approved" },
  withdraw: { roles: ["owner", "analyst"], from: ["in_review", "approved"], to: "draft" },
  publish: { roles: ["owner"], from: ["approved"], to: "published" },
  start_draft: { roles: ["owner", "analyst"], from: ["published"], to: "draft" },
};

/** Roles a reviewer named in a review request must have in the workspace. */
export const REVIEW_REQUEST_REVIEWER_ROLES: readonly WorkspaceRole[] = ["owner", "reviewer"];

/** Whether `role` may take `action` at all, whatever the status. */
export function canTakeLifecycleAction(role: WorkspaceRole, action: LifecycleAction): boolean {
  return LIFECYCLE_RULES[action].roles.includes(role);
}

/**
 * The steps `role` may take now. Archived assessments take none: they are read-only until
 * restored. The publish gate is not part of this: approve and publish may still be refused (409).
 */
export function allowedLifecycleActions(options: {
  role: WorkspaceRole;
  status: AssessmentStatus;
  isArchived: boolean;
}): LifecycleAction[] {
  if (options.isArchived) return [];
  return LIFECYCLE_ACTIONS.filter((action) => {
    const rule = LIFECYCLE_RULES[action];
    return rule.roles.includes(options.role) && rule.from.includes(options.status);
  });
}
