"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatExact, formatRelative } from "@/components/ui/relative-time";
import { splitMentions } from "@/lib/editor/comment-mentions";
import type { CommentDto } from "@/lib/schemas/comments";
import { CommentComposer } from "./comment-composer";
import type { CommentDraft } from "./comment-requests";
import type { Mentionable } from "./use-workspace-members";

/**
 * A comment's text as plain text: React escapes it (never HTML), line breaks are kept by CSS,
 * and the @mentions the server resolved are emphasised.
 */
export function CommentBody({ comment }: { comment: CommentDto }) {
  let offset = 0;
  return (
    <p className="text-sm break-words whitespace-pre-wrap text-slate-800">
      {splitMentions(
        comment.body,
        comment.mentions.map((person) => person.name),
      ).map((part) => {
        const key = offset;
        offset += part.text.length;
        return part.isMention ? (
          <span key={key} className="font-medium text-accent-700">
            {part.text}
          </span>
        ) : (
          <span key={key}>{part.text}</span>
        );
      })}
    </p>
  );
}

function Timestamp({ value }: { value: string }) {
  const date = new Date(value);
  return (
    <time dateTime={value} title={formatExact(date)}>
      {formatRelative(date)}
    </time>
  );
}

export interface CommentItemProps {
  comment: CommentDto;
  /** Whether the signed-in user wrote it: only authors edit or delete their comments. */
  isOwn: boolean;
  members: readonly Mentionable[];
  /** Resolve to the server's refusal, or null once stored. */
  onEdit: (draft: CommentDraft) => Promise<string | null>;
  onDelete: () => Promise<string | null>;
}

/** One comment of a thread: who, when, whether edited, the text; the author's edit and delete. */
export function CommentItem({ comment, isOwn, members, onEdit, onDelete }: CommentItemProps) {
  const [mode, setMode] = useState<"read" | "edit" | "confirm-delete">("read");
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const isDeleted = comment.deletedAt !== null;

  const handleDelete = async () => {
    setPending(true);
    const refusal = await onDelete();
    setPending(false);
    setError(refusal);
    if (!refusal) setMode("read");
  };

  return (
    <li className="space-y-1" data-comment-id={comment.id}>
      <div className="flex flex-wrap items-baseline gap-x-1.5 text-xs text-slate-600">
        <span className="font-medium text-slate-900">{comment.author?.name ?? "Former member"}</span>
        <Timestamp value={comment.createdAt} />
        {comment.editedAt && !isDeleted ? <span title={formatExact(new Date(comment.editedAt))}>(edited)</span> : null}
      </div>
      {isDeleted ? (
        <p className="text-sm text-slate-500 italic">Comment deleted.</p>
      ) : mode === "edit" ? (
        <CommentComposer
          label="Edit comment"
          submitLabel="Save"
          members={members}
          initialText={comment.body}
          initialMentions={comment.mentions}
          autoFocus
          onCancel={() => setMode("read")}
          onSubmit={async (draft) => {
            const refusal = await onEdit(draft);
            if (!refusal) setMode("read");
            return refusal;
          }}
        />
      ) : (
        <CommentBody comment={comment} />
      )}
      {isOwn && !isDeleted && mode === "read" ? (
        <div className="flex gap-1">
          <Button size="sm" variant="ghost" className="h-6 px-1.5 text-xs" onClick={() => setMode("edit")}>
            Edit
          </Button>
          <Button size="sm" variant="ghost" className="h-6 px-1.5 text-xs" onClick={() => setMode("confirm-delete")}>
            Delete
          </Button>
        </div>
      ) : null}
      {mode === "confirm-delete" && !isDeleted ? (
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
          <span>Delete this comment?</span>
          <Button size="sm" variant="danger" className="h-6 px-2 text-xs" disabled={isPending} onClick={handleDelete}>
            Delete comment
          </Button>
          <Button size="sm" variant="ghost" className="h-6 px-2 text-xs" onClick={() => setMode("read")}>
            Keep
          </Button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}
