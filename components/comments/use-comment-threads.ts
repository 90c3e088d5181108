"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useDocumentChanges } from "@/components/editor/use-document-changes";
import type { CollabDocument } from "@/lib/collab/collab-document";
import type { CommentDto, CommentThreadDto } from "@/lib/schemas/comments";
import { commentRequests } from "./comment-requests";

/** The assessment's comment threads as the panel shows them. */
export interface CommentThreads {
  /** `loading` until the first answer; `error` when the list could not be loaded (the last good one stays). */
  status: "loading" | "ready" | "error";
  /** Every thread, open and resolved, oldest first. */
  threads: CommentThreadDto[];
  /** Puts a thread the server just returned in place (or adds it), before the live reload arrives. */
  putThread: (thread: CommentThreadDto) => void;
  /** Puts a comment the server just returned in its thread. */
  putComment: (comment: CommentDto) => void;
  /** Loads the list again (after a refused change, so the panel shows what is true). */
  reload: () => void;
}

/**
 * Loads the assessment's comment threads and loads them again whenever the server announces a
 * comment change for the document (anyone's, this tab's included, and once after a reconnect),
 * so every open page shows the same threads. A newer load supersedes one still under way.
 */
export function useCommentThreads(assessmentId: string, document: CollabDocument): CommentThreads {
  const [threads, setThreads] = useState<CommentThreadDto[]>([]);
  const [status, setStatus] = useState<CommentThreads["status"]>("loading");
  const [generation, setGeneration] = useState(0);
  const current = useRef<AbortController | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `generation` is the signal to load again.
  useEffect(() => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    commentRequests.list(assessmentId, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) {
        setThreads(result.data);
        setStatus("ready");
      } else {
        setStatus((previous) => (previous === "ready" ? previous : "error"));
      }
    });
    return () => controller.abort();
  }, [assessmentId, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  useDocumentChanges(document, ["comments"], reload);

  const putThread = useCallback((thread: CommentThreadDto) => {
    setThreads((previous) =>
      previous.some((item) => item.id === thread.id)
        ? previous.map((item) => (item.id === thread.id ? thread : item))
        : [...previous, thread],
    );
  }, []);

  const putComment = useCallback((comment: CommentDto) => {
    setThreads((previous) =>
      previous.map((thread) => {
        if (thread.id !== comment.threadId) return thread;
        const exists = thread.comments.some((item) => item.id === comment.id);
        const comments = exists
          ? thread.comments.map((item) => (item.id === comment.id ? comment : item))
          : [...thread.comments, comment];
        return { ...thread, comments };
      }),
    );
  }, []);

  return { status, threads, putThread, putComment, reload };
}
