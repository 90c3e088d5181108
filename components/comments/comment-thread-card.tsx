"use client";

import clsx from "clsx";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, FOCUS_RING } from "@/components/ui/button";
import { formatExact } from "@/components/ui/relative-time";
import type { CommentThreadDto } from "@/lib/schemas/comments";
import { CommentComposer } from "./comment-composer";
import { CommentItem } from "./comment-item";
import type { CommentDraft } from "./comment-requests";
import type { Mentionable } from "./use-workspace-members";

/** What one thread can do, each resolving to the server's refusal or null once stored. */
export interface ThreadActions {
  reply: (draft: CommentDraft) => Promise<string | null>;
  edit: (commentId: string, draft: CommentDraft) => Promise<string | null>;
  remove: (commentId: string) => Promise<string | null>;
  setResolved: (resolved: boolean) => Promise<string | null>;
}

export interface CommentThreadCardProps {
  thread: CommentThreadDto;
  /** The anchored text (or judgement) was deleted: the thread stays, with its quote. */
  isDetached: boolean;
  /** "Judgement: “Tikhoretsk …”" when the thread is about a judgement. */
  judgementLabel: string | null;
  isActive: boolean;
  userId: string;
  /** Owners and reviewers resolve anyone's thread; authors their own. */
  canResolveAny: boolean;
  members: readonly Mentionable[];
  actions: ThreadActions;
  /** Makes this the active thread and shows its text. */
  onSelect: () => void;
}

/**
 * One comment thread: the quoted text it is about (marked detached when that text is gone),
 * its comments, a reply box while it is the active thread, and resolve or reopen for those
 * allowed to. A resolved thread shows only its first line until expanded.
 */
export function CommentThreadCard(props: CommentThreadCardProps) {
  const { thread, actions } = props;
  const isResolved = thread.status === "resolved";
  const [isExpanded, setExpanded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const canResolve = props.canResolveAny || thread.createdBy?.id === props.userId;
  const showComments = !isResolved || isExpanded;
  const quote = thread.quote.trim();
  const title = quote
    ? `“${quote.length > 80 ? `${quote.slice(0, 77)}…` : quote}”`
    : (props.judgementLabel ?? "Comment");

  const toggleResolved = async () => {
    setPending(true);
    setError(null);
    setError(await actions.setResolved(!isResolved));
    setPending(false);
  };

  return (
    <article
      id={`thread-${thread.id}`}
      tabIndex={-1}
      aria-label={`Comment thread on ${title}`}
      data-thread-id={thread.id}
      data-thread-status={thread.status}
      className={clsx(
        "space-y-2 rounded border bg-white p-2.5 text-sm",
        props.isActive ? "border-amber-400 ring-2 ring-amber-200" : "border-slate-200",
      )}
    >
      <div className="flex flex-wrap items-center gap-1.5">
        {props.isDetached ? (
          <Badge tone="warning" title="The text this thread was about was deleted; its quote is kept.">
            Detached
          </Badge>
        ) : null}
        {thread.isBlocking ? (
          <Badge tone="warning" title="Must be resolved before the assessment can be approved.">
            Blocking
          </Badge>
        ) : null}
        {isResolved ? <Badge tone="success">Resolved</Badge> : null}
        {props.judgementLabel && quote ? <span className="text-xs text-slate-600">{props.judgementLabel}</span> : null}
      </div>
      <button
        type="button"
        onClick={props.onSelect}
        aria-label={`Show ${title} in the text`}
        className={clsx(
          "block w-full rounded border-l-4 border-amber-300 bg-amber-50/60 px-2 py-1 text-left text-xs text-slate-700",
          props.isDetached && "border-slate-300 bg-slate-50",
          FOCUS_RING,
        )}
      >
        <span className="line-clamp-3 whitespace-pre-wrap">{quote || props.judgementLabel || "No quote"}</span>
      </button>
      {isResolved ? (
        <div className="flex flex-wrap items-center justify-between gap-1 text-xs text-slate-600">
          <span title={thread.resolvedAt ? formatExact(new Date(thread.resolvedAt)) : undefined}>
            Resolved by {thread.resolvedBy?.name ?? "a former member"}
          </span>
          <Button size="sm" variant="ghost" className="h-6 px-1.5 text-xs" onClick={() => setExpanded((open) => !open)}>
            {isExpanded
              ? "Hide comments"
              : `Show ${thread.comments.length} comment${thread.comments.length === 1 ? "" : "s"}`}
          </Button>
        </div>
      ) : null}
      {showComments ? (
        <ol className="space-y-2.5">
          {thread.comments.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              isOwn={comment.author?.id === props.userId}
              members={props.members}
              onEdit={(draft) => actions.edit(comment.id, draft)}
              onDelete={() => actions.remove(comment.id)}
            />
          ))}
        </ol>
      ) : null}
      {showComments && props.isActive ? (
        <CommentComposer label="Reply" submitLabel="Reply" members={props.members} onSubmit={actions.reply} />
      ) : null}
      <div className="flex flex-wrap justify-end gap-1.5">
        {showComments && !props.isActive ? (
          <Button size="sm" variant="ghost" className="h-7 px-2 text-xs" onClick={props.onSelect}>
            Reply
          </Button>
        ) : null}
        {canResolve ? (
          <Button size="sm" className="h-7 px-2 text-xs" disabled={isPending} onClick={toggleResolved}>
            {isResolved ? "Reopen" : "Resolve"}
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </article>
  );
}
