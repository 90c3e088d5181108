"use client";

import { useId, useState } from "react";
import { CommentComposer } from "./comment-composer";
import type { CommentDraft } from "./comment-requests";
import type { Mentionable } from "./use-workspace-members";

/** What a new thread is about, captured when the writer asked to comment. */
export interface ThreadSubject {
  /** Base64 relative positions of the selected range; absent for a thread on a judgement only. */
  anchorStart?: string;
  anchorEnd?: string;
  quote: string;
  judgementId: string | null;
  /** "Selected text" or "Judgement: “…”", shown above the box. */
  label: string;
}

export interface NewThreadFormProps {
  subject: ThreadSubject;
  members: readonly Mentionable[];
  /** Whether the writer may mark the thread blocking (owners, analysts, reviewers). */
  canMarkBlocking: boolean;
  onSubmit: (draft: CommentDraft & { isBlocking: boolean }) => Promise<string | null>;
  onCancel: () => void;
}

/** The first comment of a new thread, with what it is about and (for some roles) the blocking flag. */
export function NewThreadForm({ subject, members, canMarkBlocking, onSubmit, onCancel }: NewThreadFormProps) {
  const [isBlocking, setBlocking] = useState(false);
  const blockingId = useId();
  return (
    <section aria-label="New comment" className="space-y-2 rounded border border-sky-300 bg-sky-50/50 p-2.5">
      <p className="text-xs font-medium text-slate-700">{subject.label}</p>
      {subject.quote ? (
        <blockquote className="line-clamp-3 border-l-4 border-sky-300 pl-2 text-xs whitespace-pre-wrap text-slate-700">
          {subject.quote}
        </blockquote>
      ) : null}
      <CommentComposer
        label="Comment"
        submitLabel="Comment"
        members={members}
        autoFocus
        onCancel={onCancel}
        onSubmit={(draft) => onSubmit({ ...draft, isBlocking })}
      >
        {canMarkBlocking ? (
          <label htmlFor={blockingId} className="mr-auto flex items-center gap-1.5 text-xs text-slate-700">
            <input
              id={blockingId}
              type="checkbox"
              checked={isBlocking}
              onChange={(event) => setBlocking(event.target.checked)}
            />
            Blocking
          </label>
        ) : null}
      </CommentComposer>
    </section>
  );
}
