import { and, asc, eq, inArray, isNotNull, isNull, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Comment, type CommentThread, comments, commentThreads, users } from "@/db/schema";
import type { CommentDto, CommentThreadDto, CommentThreadStatusFilter } from "@/lib/schemas/comments";

type Person = { id: string; name: string };

export interface LoadCommentThreadsOptions {
  db: Executor;
  assessmentId: string;
  /** Only these threads (e.g. the one just changed); omitted means all of the assessment. */
  threadIds?: readonly string[];
  status?: CommentThreadStatusFilter;
}

/** The names of `ids` that still have an account. */
async function loadPeople(db: Executor, ids: Iterable<string | null>): Promise<Map<string, Person>> {
  const unique = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

function toCommentDto(row: Comment, people: Map<string, Person>): CommentDto {
  const isDeleted = row.deletedAt !== null;
  return {
    id: row.id,
    threadId: row.threadId,
    author: row.authorId ? (people.get(row.authorId) ?? null) : null,
    // A tombstone keeps its place in the thread but says nothing of what was written.
    body: isDeleted ? "" : row.body,
    mentions: isDeleted ? [] : row.mentionIds.flatMap((id) => people.get(id) ?? []),
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

/** One comment as the API returns it. */
export async function loadCommentDto(db: Executor, row: Comment): Promise<CommentDto> {
  return toCommentDto(row, await loadPeople(db, [row.authorId, ...row.mentionIds]));
}

/** An assessment's threads (oldest first) with their comments (oldest first) and people's names. */
export async function loadCommentThreads(options: LoadCommentThreadsOptions): Promise<CommentThreadDto[]> {
  const { db } = options;
  const conditions: SQL[] = [eq(commentThreads.assessmentId, options.assessmentId)];
  if (options.threadIds) conditions.push(inArray(commentThreads.id, [...options.threadIds]));
  if (options.status === "open") conditions.push(isNull(commentThreads.resolvedAt));
  if (options.status === "resolved") conditions.push(isNotNull(commentThreads.resolvedAt));
  const threads = await db
    .select()
    .from(commentThreads)
    .where(and(...conditions))
    .orderBy(asc(commentThreads.createdAt), asc(commentThreads.id));
  if (threads.length === 0) return [];
  const rows = await db
    .select()
    .from(comments)
    .where(
      inArray(
        comments.threadId,
        threads.map((thread) => thread.id),
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const people = await loadPeople(db, [
    ...threads.flatMap((thread) => [thread.createdBy, thread.resolvedBy]),
    ...rows.flatMap((row) => [row.authorId, ...row.mentionIds]),
  ]);
  const byThread = new Map<string, CommentDto[]>();
  for (const row of rows) {
    const list = byThread.get(row.threadId) ?? [];
    list.push(toCommentDto(row, people));
    byThread.set(row.threadId, list);
  }
  return threads.map((thread) => toThreadDto(thread, byThread.get(thread.id) ?? [], people));
}

function toThreadDto(thread: CommentThread, list: CommentDto[], people: Map<string, Person>): CommentThreadDto {
  return {
    id: thread.id,
    assessmentId: thread.assessmentId,
    judgementId: thread.judgementId,
    anchorStart: thread.anchorStart,
    anchorEnd: thread.anchorEnd,
    quote: thread.quote,
    isBlocking: thread.isBlocking,
    status: thread.resolvedAt ? "resolved" : "open",
    createdBy: thread.createdBy ? (people.get(thread.createdBy) ?? null) : null,
    createdAt: thread.createdAt.toISOString(),
    resolvedAt: thread.resolvedAt?.toISOString() ?? null,
    resolvedBy: thread.resolvedBy ? (people.get(thread.resolvedBy) ?? null) : null,
    comments: list,
  };
}

/** One thread as the API returns it (it must exist: the caller just loaded or wrote it). */
export async function loadCommentThread(
  db: Executor,
  assessmentId: string,
  threadId: string,
): Promise<CommentThreadDto> {
  const [thread] = await loadCommentThreads({ db, assessmentId, threadIds: [threadId] });
  if (!thread) throw new Error(`comment thread ${threadId} vanished`);
  return thread;
}
