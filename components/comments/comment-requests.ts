import type {
  CommentDto,
  CommentThreadDto,
  CreateCommentThreadInput,
  ReanchorCommentThreadInput,
} from "@/lib/schemas/comments";

/** The outcome of a comments API call, ready to show: the data, or the server's reason. */
export type RequestResult<T> = { ok: true; data: T } | { ok: false; message: string };

/** A body and the members it @mentions, as the reply and edit routes take them. */
export interface CommentDraft {
  body: string;
  mentionIds: string[];
}

async function send<T>(url: string, init: RequestInit = {}): Promise<RequestResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      credentials: "same-origin",
      headers: { accept: "application/json", ...(init.body ? { "content-type": "application/json" } : {}) },
    });
  } catch {
    return { ok: false, message: "Cannot reach the server. Check your connection and try again." };
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, data: body as T };
  const error = (body as { error?: { message?: string; fields?: Record<string, string[]> } } | null)?.error;
  // Field messages say what to fix ("Write a comment."); the general one is the fallback.
  const fieldMessage = Object.values(error?.fields ?? {}).flat()[0];
  return { ok: false, message: fieldMessage ?? error?.message ?? `The request failed (HTTP ${response.status}).` };
}

const threadsUrl = (assessmentId: string) => `/api/v1/assessments/${encodeURIComponent(assessmentId)}/comment-threads`;
const threadUrl = (assessmentId: string, threadId: string) =>
  `${threadsUrl(assessmentId)}/${encodeURIComponent(threadId)}`;
const commentUrl = (assessmentId: string, threadId: string, commentId: string) =>
  `${threadUrl(assessmentId, threadId)}/comments/${encodeURIComponent(commentId)}`;

/** The requests the comments panel makes, one per route of `/api/v1/assessments/{id}/comment-threads`. */
export const commentRequests = {
  list: (assessmentId: string, signal?: AbortSignal) =>
    send<CommentThreadDto[]>(`${threadsUrl(assessmentId)}?status=all`, { signal }),
  createThread: (assessmentId: string, input: CreateCommentThreadInput) =>
    send<CommentThreadDto>(threadsUrl(assessmentId), { method: "POST", body: JSON.stringify(input) }),
  reply: (assessmentId: string, threadId: string, draft: CommentDraft) =>
    send<CommentDto>(`${threadUrl(assessmentId, threadId)}/comments`, { method: "POST", body: JSON.stringify(draft) }),
  edit: (assessmentId: string, threadId: string, commentId: string, draft: CommentDraft) =>
    send<CommentDto>(commentUrl(assessmentId, threadId, commentId), { method: "PATCH", body: JSON.stringify(draft) }),
  remove: (assessmentId: string, threadId: string, commentId: string) =>
    send<CommentDto>(commentUrl(assessmentId, threadId, commentId), { method: "DELETE" }),
  setResolved: (assessmentId: string, threadId: string, resolved: boolean) =>
    send<CommentThreadDto>(`${threadUrl(assessmentId, threadId)}/${resolved ? "resolve" : "reopen"}`, {
      method: "POST",
    }),
  reanchor: (assessmentId: string, threadId: string, input: ReanchorCommentThreadInput) =>
    send<CommentThreadDto>(`${threadUrl(assessmentId, threadId)}/anchor`, {
      method: "PUT",
      body: JSON.stringify(input),
    }),
};
