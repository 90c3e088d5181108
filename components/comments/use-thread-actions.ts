"use client";

import type { CommentThreadDto } from "@/lib/schemas/comments";
import { commentRequests, type RequestResult } from "./comment-requests";
import type { ThreadActions } from "./comment-thread-card";
import type { CommentThreads } from "./use-comment-threads";

/**
 * The changes a thread card can make. Each shows the server's answer at once and then reloads,
 * so the list is what is stored; a refusal changes nothing here and comes back as the message to
 * show beside the control (the card keeps what was written).
 */
export function useThreadActions(
  assessmentId: string,
  { putComment, putThread, reload }: Pick<CommentThreads, "putComment" | "putThread" | "reload">,
): (thread: CommentThreadDto) => ThreadActions {
  const settle = async <T>(request: Promise<RequestResult<T>>, put: (data: T) => void): Promise<string | null> => {
    const result = await request;
    reload();
    if (!result.ok) return result.message;
    put(result.data);
    return null;
  };
  return (thread) => ({
    reply: (draft) => settle(commentRequests.reply(assessmentId, thread.id, draft), putComment),
    edit: (commentId, draft) => settle(commentRequests.edit(assessmentId, thread.id, commentId, draft), putComment),
    remove: (commentId) => settle(commentRequests.remove(assessmentId, thread.id, commentId), putComment),
    setResolved: (resolved) => settle(commentRequests.setResolved(assessmentId, thread.id, resolved), putThread),
  });
}
