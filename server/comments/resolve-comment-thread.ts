import type { CommentThreadDto } from "@/lib/schemas/comments";
import { type SetThreadResolvedOptions, setThreadResolved } from "./set-thread-resolved";

export type ResolveCommentThreadOptions = SetThreadResolvedOptions;

/**
 * Marks a thread resolved. The thread's author, owners and reviewers may (see `RESOLVER_ROLES`);
 * others get 403 with that reason. A resolved blocking thread no longer holds up approval.
 */
export function resolveCommentThread(options: ResolveCommentThreadOptions): Promise<CommentThreadDto> {
  return setThreadResolved({ ...options, resolved: true });
}
