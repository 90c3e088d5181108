import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  commentDto,
  commentInput,
  commentThreadDto,
  createCommentThreadInput,
  listCommentThreadsQuery,
  reanchorCommentThreadInput,
} from "@/lib/schemas/comments";
import { errorResponses, jsonBody, jsonResponse } from "../registry";

const assessmentParams = z.object({ assessmentId: z.uuid() });
const threadParams = assessmentParams.extend({ threadId: z.uuid() });
const commentParams = threadParams.extend({ commentId: z.uuid() });
const THREADS = "/api/v1/assessments/{assessmentId}/comment-threads";
const TAGS = ["Comments"];

/**
 * Comment threads of an assessment: list, start, reply, edit and delete one's own comments, resolve
 * and reopen, move an anchor onto restored text.
 */
export function registerCommentPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: THREADS,
    tags: TAGS,
    summary: "List an assessment's comment threads",
    description: "Oldest first, each with its comments. Deleted comments are listed as tombstones with an empty body.",
    request: { params: assessmentParams, query: listCommentThreadsQuery },
    responses: {
      200: jsonResponse("The threads.", z.array(commentThreadDto)),
      ...errorResponses("bad_request", "unauthorized", "not_found"),
    },
  });
  registry.registerPath({
    method: "post",
    path: THREADS,
    tags: TAGS,
    summary: "Start a comment thread",
    description:
      "Any member, viewers and reviewers included. On a judgement of this assessment (another assessment's " +
      "judgement is 404) and/or a text range anchored by Yjs relative positions. Bodies are plain text, never " +
      "HTML; every `mentionIds` entry must be a member of the workspace. Only owners, analysts and reviewers " +
      "may mark a thread blocking (403). An archived assessment is 409 `conflict:assessment_archived`.",
    request: { params: assessmentParams, body: jsonBody(createCommentThreadInput) },
    responses: {
      201: jsonResponse("The new thread with its first comment.", commentThreadDto),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "post",
    path: `${THREADS}/{threadId}/comments`,
    tags: TAGS,
    summary: "Reply to a comment thread",
    description: "Any member. A resolved thread takes replies and stays resolved.",
    request: { params: threadParams, body: jsonBody(commentInput) },
    responses: {
      201: jsonResponse("The new comment.", commentDto),
      ...errorResponses("bad_request", "unauthorized", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "patch",
    path: `${THREADS}/{threadId}/comments/{commentId}`,
    tags: TAGS,
    summary: "Edit one's own comment",
    description: "Only the comment's author (403 `forbidden:comment` for anyone else). A deleted comment is 409.",
    request: { params: commentParams, body: jsonBody(commentInput) },
    responses: {
      200: jsonResponse("The comment after the edit.", commentDto),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "delete",
    path: `${THREADS}/{threadId}/comments/{commentId}`,
    tags: TAGS,
    summary: "Delete one's own comment",
    description: "Only the comment's author. Leaves a tombstone (`deletedAt` set, body empty); the thread stays.",
    request: { params: commentParams },
    responses: {
      200: jsonResponse("The tombstone.", commentDto),
      ...errorResponses("unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "put",
    path: `${THREADS}/{threadId}/anchor`,
    tags: TAGS,
    summary: "Move a thread's anchor onto restored text",
    description:
      "Owners and analysts only (403 `forbidden:comment_thread`). For the client that undid (or redid) the " +
      "deletion of a thread's text: Yjs restores it as new items, linked to the deleted ones only in that " +
      "client's memory, so it sends relative positions on the restored characters. Both must name live text " +
      "of this document as stored (400 otherwise). 409 `conflict:comment_thread_anchor` when the thread's " +
      "anchor is no longer `previousAnchorStart`/`previousAnchorEnd` (another repair came first), when the " +
      "thread has no text range, or when its anchored text was not deleted. The quote is kept; audited as " +
      "`comment_thread.reanchored` and announced as `comments.changed`.",
    request: { params: threadParams, body: jsonBody(reanchorCommentThreadInput) },
    responses: {
      200: jsonResponse("The thread with its new anchor.", commentThreadDto),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  for (const [verb, state] of [
    ["resolve", "resolved"],
    ["reopen", "open"],
  ] as const) {
    registry.registerPath({
      method: "post",
      path: `${THREADS}/{threadId}/${verb}`,
      tags: TAGS,
      summary: verb === "resolve" ? "Resolve a comment thread" : "Reopen a comment thread",
      description:
        "The thread's author, owners and reviewers only; others get 403 `forbidden:comment_thread`. " +
        `A thread that is already ${state} is 409.`,
      request: { params: threadParams },
      responses: {
        200: jsonResponse("The thread after the change.", commentThreadDto),
        ...errorResponses("unauthorized", "forbidden", "not_found", "conflict"),
      },
    });
  }
}
