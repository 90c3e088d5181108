"use client";

import "./comments.css";
import type { Editor } from "@tiptap/core";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { CollabDocument } from "@/lib/collab/collab-document";
import { judgementLabelOf } from "@/lib/editor/block-label";
import type { HighlightedThread } from "@/lib/editor/comment-highlights";
import type { WorkspaceRole } from "@/lib/roles";
import type { CommentThreadDto } from "@/lib/schemas/comments";
import { useLinkedTarget } from "../editor/use-linked-target";
import { commentRequests } from "./comment-requests";
import { CommentThreadCard } from "./comment-thread-card";
import { NewThreadForm, type ThreadSubject } from "./new-thread-form";
import { orderThreads, subjectAtJudgement, subjectOfSelection } from "./thread-subjects";
import { useCommentShortcut } from "./use-comment-shortcut";
import { useCommentThreads } from "./use-comment-threads";
import { useActiveThreadId, useEditorSelection, useThreadPlacements } from "./use-editor-comments-state";
import { useMovedAnchors } from "./use-moved-anchors";
import { useRestoredAnchors } from "./use-restored-anchors";
import { useThreadActions } from "./use-thread-actions";
import { useWorkspaceMembers } from "./use-workspace-members";

/** Roles that may mark a thread blocking; the server decides (`BLOCKING_ROLES`), this only hides the box. */
const BLOCKING_ROLES: readonly WorkspaceRole[] = ["owner", "analyst", "reviewer"];
/** Roles that may move a thread's anchor onto restored text (`REANCHOR_ROLES` on the server). */
const WRITER_ROLES: readonly WorkspaceRole[] = ["owner", "analyst"];
/** Roles that may resolve anyone's thread (`RESOLVER_ROLES` on the server); authors resolve their own. */
const RESOLVER_ROLES: readonly WorkspaceRole[] = ["owner", "reviewer"];
const DRAFT_ID = "draft";

export interface CommentsPanelProps {
  editor: Editor;
  document: CollabDocument;
  assessmentId: string;
  workspaceId: string;
  userId: string;
  /** The caller's role as the collaboration server said; null until joined. */
  role: WorkspaceRole | null;
  /** The server's text has arrived: only then is a thread that cannot be placed really detached. */
  isSynced: boolean;
}

/**
 * The assessment's comment threads beside the text: start one on the selected text (button or
 * Ctrl+Alt+M, for every role, read-only ones included) or on the judgement at the caret; open
 * threads in the order of the text, then resolved ones behind a toggle. Live: any change by
 * anyone reloads the list, and highlights follow everyone's edits.
 */
export function CommentsPanel(props: CommentsPanelProps) {
  const { editor, assessmentId, userId, role } = props;
  const { threads, putThread, putComment, reload, status } = useCommentThreads(assessmentId, props.document);
  const members = useWorkspaceMembers(props.workspaceId);
  const placements = useThreadPlacements(editor);
  const activeId = useActiveThreadId(editor);
  const selection = useEditorSelection(editor);
  const [subject, setSubject] = useState<ThreadSubject | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const panel = useRef<HTMLElement>(null);

  useRestoredAnchors({
    editor,
    document: props.document,
    assessmentId,
    threads,
    placements,
    canWrite: role !== null && WRITER_ROLES.includes(role),
    putThread,
    reload,
  });

  useMovedAnchors({
    editor,
    document: props.document,
    assessmentId,
    threads,
    canWrite: role !== null && WRITER_ROLES.includes(role),
    putThread,
    reload,
  });

  const openThreads = useMemo(() => threads.filter((thread) => thread.status === "open"), [threads]);
  const resolvedThreads = useMemo(() => threads.filter((thread) => thread.status === "resolved"), [threads]);

  // The highlights show the open threads and the one being written.
  useEffect(() => {
    if (editor.isDestroyed) return;
    const highlighted: HighlightedThread[] = openThreads.map(({ id, anchorStart, anchorEnd, judgementId }) => ({
      id,
      anchorStart,
      anchorEnd,
      judgementId,
    }));
    if (subject?.anchorStart && subject.anchorEnd) {
      const { anchorStart, anchorEnd } = subject;
      highlighted.push({ id: DRAFT_ID, anchorStart, anchorEnd, judgementId: null, isDraft: true });
    }
    editor.commands.setCommentThreads(highlighted);
  }, [editor, openThreads, subject]);

  // A thread made active (by its highlight or its card) is scrolled into view in the panel, when
  // the panel sits beside the text (xl): below it, scrolling would pull a writer away from the caret.
  useEffect(() => {
    if (!activeId || !window.matchMedia("(min-width: 80rem)").matches) return;
    const card = panel.current?.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(activeId)}"]`);
    card?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  // The hint to select text first is about the selection there was.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new selection is the signal.
  useEffect(() => setNotice(null), [selection.from, selection.to]);

  const startOnSelection = () => {
    const started = subjectOfSelection(editor.state);
    setNotice(started ? null : "Select the text you want to comment on first.");
    if (started) setSubject(started);
  };
  useCommentShortcut(startOnSelection);

  const judgementSubject = subjectAtJudgement(editor.state.doc, selection.from);

  const createThread: Parameters<typeof NewThreadForm>[0]["onSubmit"] = async (draft) => {
    if (!subject) return "Nothing to comment on.";
    const result = await commentRequests.createThread(assessmentId, {
      judgementId: subject.judgementId,
      anchorStart: subject.anchorStart,
      anchorEnd: subject.anchorEnd,
      quote: subject.quote,
      body: draft.body,
      mentionIds: draft.mentionIds,
      isBlocking: draft.isBlocking || undefined,
    });
    if (!result.ok) return result.message;
    putThread(result.data);
    setSubject(null);
    editor.commands.setActiveCommentThread(result.data.id);
    reload();
    return null;
  };

  const actionsFor = useThreadActions(assessmentId, { putComment, putThread, reload });

  const selectThread = (thread: CommentThreadDto) => {
    editor.commands.setActiveCommentThread(thread.id);
    const range = placements.get(thread.id);
    if (!range) return;
    const { node } = editor.view.domAtPos(range.from);
    const element = node instanceof Element ? node : node.parentElement;
    element?.scrollIntoView({ block: "center", behavior: "smooth" });
  };

  // A notification's link (`#thread-<id>`) opens at its thread, resolved or not.
  useLinkedTarget(
    "thread",
    props.isSynced && status !== "loading",
    (id) => {
      const thread = threads.find((candidate) => candidate.id === id);
      if (!thread) return false;
      if (thread.status === "resolved") setShowResolved(true);
      selectThread(thread);
      panel.current?.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(id)}"]`)?.focus();
      return true;
    },
    [threads],
  );

  const renderThread = (thread: CommentThreadDto) => {
    const placement = placements.get(thread.id);
    return (
      <li key={thread.id}>
        <CommentThreadCard
          thread={thread}
          isDetached={thread.status === "open" && props.isSynced && placement === null}
          judgementLabel={thread.judgementId ? judgementLabelOf(editor.state.doc, thread.judgementId) : null}
          isActive={thread.id === activeId}
          userId={userId}
          canResolveAny={role !== null && RESOLVER_ROLES.includes(role)}
          members={members}
          actions={actionsFor(thread)}
          onSelect={() => selectThread(thread)}
        />
      </li>
    );
  };

  return (
    <section ref={panel} aria-labelledby="comments-heading" className="space-y-3 p-3 text-sm">
      <div className="flex items-center justify-between gap-2">
        <div>
          <h2 id="comments-heading" className="font-semibold text-slate-900">
            Comments
          </h2>
          <p aria-live="polite" className="text-xs text-slate-600">
            {status === "loading"
              ? "Loading comments…"
              : status === "error"
                ? "Comments could not be loaded."
                : `${openThreads.length} open thread${openThreads.length === 1 ? "" : "s"}`}
          </p>
        </div>
        <Button
          size="sm"
          variant="primary"
          onClick={startOnSelection}
          title="Comment on the selected text (Ctrl/⌘+Alt+M)"
          aria-keyshortcuts="Control+Alt+M Meta+Alt+M"
        >
          Comment
        </Button>
      </div>
      {judgementSubject && !subject ? (
        <Button size="sm" className="w-full" onClick={() => setSubject(judgementSubject)}>
          Comment on judgement
        </Button>
      ) : null}
      {notice ? (
        <p role="status" className="text-xs text-slate-700">
          {notice}
        </p>
      ) : null}
      {subject ? (
        <NewThreadForm
          subject={subject}
          members={members}
          canMarkBlocking={role !== null && BLOCKING_ROLES.includes(role)}
          onSubmit={createThread}
          onCancel={() => setSubject(null)}
        />
      ) : null}
      <ol aria-label="Open threads" className="space-y-2">
        {orderThreads(openThreads, placements).map(renderThread)}
      </ol>
      {resolvedThreads.length > 0 ? (
        <div className="space-y-2">
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={showResolved}
            onClick={() => setShowResolved((open) => !open)}
            className="w-full justify-start px-1 text-xs"
          >
            {showResolved ? "Hide" : "Show"} {resolvedThreads.length} resolved thread
            {resolvedThreads.length === 1 ? "" : "s"}
          </Button>
          {showResolved ? (
            <ol aria-label="Resolved threads" className="space-y-2">
              {orderThreads(resolvedThreads, placements).map(renderThread)}
            </ol>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
