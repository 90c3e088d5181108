import * as Y from "yjs";
import { z } from "zod";

/** Longest comment body, in characters after trimming. */
export const MAX_COMMENT_LENGTH = 10_000;
/** Longest quoted (anchored) text kept with a thread. */
export const MAX_QUOTE_LENGTH = 2_000;
/** Longest encoded anchor: a relative position is a few dozen bytes, so 1 KB is generous. */
export const MAX_ANCHOR_LENGTH = 1_024;
/** Most members one comment may @mention. */
export const MAX_MENTIONS = 50;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Whether `value` is base64 of a Yjs relative position (`Y.encodeRelativePosition`). */
export function isEncodedRelativePosition(value: string): boolean {
  if (value.length === 0 || value.length > MAX_ANCHOR_LENGTH || !BASE64.test(value)) return false;
  try {
    Y.decodeRelativePosition(Uint8Array.from(atob(value), (char) => char.charCodeAt(0)));
    return true;
  } catch {
    return false;
  }
}

const anchorSchema = (label: string) =>
  z
    .string({ error: `The anchor ${label} must be text.` })
    .refine(
      isEncodedRelativePosition,
      `The anchor ${label} must be base64 of a Yjs relative position (at most ${MAX_ANCHOR_LENGTH} characters).`,
    )
    .describe("Base64 of `Y.encodeRelativePosition`, so the anchor follows concurrent edits.");

/** A comment body: plain text (never HTML; clients render it escaped), trimmed, not empty. */
export const commentBodySchema = z
  .string({ error: "The comment must be text." })
  .trim()
  .min(1, "Write a comment.")
  .max(MAX_COMMENT_LENGTH, `Use at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters for a comment.`)
  .describe("Plain text, @mentions written as the UI wrote them. Never interpreted as HTML.");

const mentionIdsSchema = z
  .array(z.uuid({ error: "Each mention must be a user id." }), { error: "Mentions must be a list of user ids." })
  .max(MAX_MENTIONS, `Mention at most ${MAX_MENTIONS} people in one comment.`)
  .optional()
  .describe("Ids of the workspace members @mentioned in the body.");

/** Body of `POST /api/v1/assessments/{assessmentId}/comment-threads`. */
export const createCommentThreadInput = z
  .object(
    {
      judgementId: z
        .string({ error: "The judgement id must be text." })
        .trim()
        .min(1, "The judgement id cannot be empty.")
        .max(200, "The judgement id is too long.")
        .nullable()
        .optional()
        .describe('The judgement block the thread is about ("jdg_…"), a judgement of this assessment.'),
      anchorStart: anchorSchema("start").optional(),
      anchorEnd: anchorSchema("end").optional(),
      quote: z
        .string({ error: "The quote must be text." })
        .max(MAX_QUOTE_LENGTH, `Quote at most ${MAX_QUOTE_LENGTH.toLocaleString("en")} characters.`)
        .optional()
        .describe("The anchored text, kept for when that text is deleted (the thread is then detached)."),
      isBlocking: z
        .boolean({ error: "isBlocking must be true or false." })
        .optional()
        .describe("Must be resolved before the assessment can be approved. Owners, analysts and reviewers only."),
      body: commentBodySchema,
      mentionIds: mentionIdsSchema,
    },
    { error: "Send a JSON object." },
  )
  .superRefine((input, context) => {
    if ((input.anchorStart === undefined) !== (input.anchorEnd === undefined)) {
      const path = input.anchorStart === undefined ? "anchorStart" : "anchorEnd";
      context.addIssue({ code: "custom", path: [path], message: "Send both ends of the anchored range." });
    }
    if (!input.judgementId && input.anchorStart === undefined && input.anchorEnd === undefined) {
      context.addIssue({ code: "custom", message: "Comment on a judgement, a text range, or both." });
    }
  })
  .meta({ id: "CreateCommentThreadInput" });
export type CreateCommentThreadInput = z.infer<typeof createCommentThreadInput>;

/**
 * Body of `PUT …/comment-threads/{threadId}/anchor`: the thread's range moved onto text an undo or
 * redo brought back as new Yjs items. The anchor being replaced is sent too, so a stale repair
 * (someone else's came first) is refused instead of overwriting a newer anchor.
 */
export const reanchorCommentThreadInput = z
  .object(
    {
      anchorStart: anchorSchema("start"),
      anchorEnd: anchorSchema("end"),
      previousAnchorStart: anchorSchema("start being replaced").describe(
        "The thread's `anchorStart` as the caller last loaded it.",
      ),
      previousAnchorEnd: anchorSchema("end being replaced").describe(
        "The thread's `anchorEnd` as the caller last loaded it.",
      ),
    },
    { error: "Send a JSON object." },
  )
  .meta({ id: "ReanchorCommentThreadInput" });
export type ReanchorCommentThreadInput = z.infer<typeof reanchorCommentThreadInput>;

/** Body of `POST …/comment-threads/{threadId}/comments` (a reply) and of `PATCH` on a comment. */
export const commentInput = z
  .object({ body: commentBodySchema, mentionIds: mentionIdsSchema }, { error: "Send a JSON object." })
  .meta({ id: "CommentInput" });
export type CommentInput = z.infer<typeof commentInput>;

/** Query of `GET /api/v1/assessments/{assessmentId}/comment-threads`. */
export const listCommentThreadsQuery = z.object({
  status: z
    .enum(["open", "resolved", "all"], { error: "Choose a status: open, resolved or all." })
    .default("all")
    .describe("Which threads to list (default all)."),
});
export type CommentThreadStatusFilter = z.infer<typeof listCommentThreadsQuery>["status"];

const personDto = z.object({ id: z.uuid(), name: z.string() });

/** One comment; a deleted one is a tombstone whose body and mentions are empty. */
export const commentDto = z
  .object({
    id: z.uuid(),
    threadId: z.uuid(),
    author: personDto.nullable().describe("null when the author's account was deleted (or for the CLI operator)."),
    body: z.string().describe('Plain text; render escaped. "" once deleted.'),
    mentions: z.array(personDto).describe("The @mentioned users, in the order sent."),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().nullable(),
    deletedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Comment" });
export type CommentDto = z.infer<typeof commentDto>;

/** A comment thread with its comments, oldest first. */
export const commentThreadDto = z
  .object({
    id: z.uuid(),
    assessmentId: z.uuid(),
    judgementId: z.string().nullable(),
    anchorStart: z.string().nullable().describe("Base64 of a Yjs relative position; null when not anchored."),
    anchorEnd: z.string().nullable(),
    quote: z.string().describe("The anchored text when the thread was started."),
    isBlocking: z.boolean(),
    status: z.enum(["open", "resolved"]),
    createdBy: personDto.nullable(),
    createdAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
    resolvedBy: personDto.nullable(),
    comments: z.array(commentDto),
  })
  .meta({ id: "CommentThread" });
export type CommentThreadDto = z.infer<typeof commentThreadDto>;
