import { getEventBus } from "./event-bus";

/**
 * Announces a change to a comment thread of an assessment (started, replied to, a comment edited
 * or deleted, resolved or reopened) so every process can refresh whoever has the document open.
 * Call after the commit. Never throws.
 */
export function publishCommentsChanged(options: { assessmentId: string; threadId: string }): Promise<void> {
  return getEventBus().publish({ type: "comments.changed", ...options });
}
