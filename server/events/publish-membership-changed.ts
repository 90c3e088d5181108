import { getEventBus } from "./event-bus";

export interface MembershipChangedOptions {
  workspaceId: string;
  /** The member whose role changed or who left or was removed. */
  userId: string;
}

/**
 * Announces that a member's role changed or that they left or were removed, so open documents
 * on every process re-check that user's access within a second. Call it after the change is
 * committed (a subscriber re-reads the membership). Never throws.
 */
export function publishMembershipChanged(options: MembershipChangedOptions): Promise<void> {
  return getEventBus().publish({
    type: "membership.changed",
    workspaceId: options.workspaceId,
    userId: options.userId,
  });
}
