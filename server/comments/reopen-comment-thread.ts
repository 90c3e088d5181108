import type { CommentThreadDto } from "@/lib/schemas/comments";
import { type SetThreadResolvedOptions, setThreadResolved } from "./set-thread-resolved";

export type ReopenCommentThreadOptions = SetThreadResolvedOptions;

/**
 * Reopens a resolved thread, under the same rule as resolving: the thread's author, owners and
 * reviewers. A reopened blocking thread holds up approval again.
 */
export function reopenCommentThread(options: ReopenCommentThreadOptions): Promise<CommentThreadDto> {
  return setThreadResolved({ ...options, resolved: false });
}
