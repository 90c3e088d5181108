"use client";

import { type FormEvent, type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { collectMentionIds, type MentionCandidate } from "@/lib/editor/comment-mentions";
import { MAX_COMMENT_LENGTH } from "@/lib/schemas/comments";
import type { CommentDraft } from "./comment-requests";
import { MentionTextarea } from "./mention-textarea";
import type { Mentionable } from "./use-workspace-members";

export interface CommentComposerProps {
  /** Accessible name of the text box ("Reply", "Edit comment", "Comment"). */
  label: string;
  submitLabel: string;
  members: readonly Mentionable[];
  /** Sends the draft; resolves to the server's refusal, or null when it was stored. */
  onSubmit: (draft: CommentDraft) => Promise<string | null>;
  onCancel?: () => void;
  /** The text being edited, and the people it already mentions. */
  initialText?: string;
  initialMentions?: readonly MentionCandidate[];
  placeholder?: string;
  autoFocus?: boolean;
  /** Extra controls beside the buttons (e.g. the blocking flag of a new thread). */
  children?: ReactNode;
}

/**
 * A comment box with its buttons. What was written stays until the server has stored it: a
 * refusal is shown beside the box with the text intact, so nothing typed is lost.
 */
export function CommentComposer(props: CommentComposerProps) {
  const [text, setText] = useState(props.initialText ?? "");
  const [picked, setPicked] = useState<readonly MentionCandidate[]>(props.initialMentions ?? []);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const submit = async () => {
    if (isPending) return;
    if (text.trim() === "") {
      setError("Write a comment.");
      return;
    }
    setPending(true);
    setError(null);
    const refusal = await props.onSubmit({
      body: text,
      mentionIds: collectMentionIds(text, picked, props.members),
    });
    setPending(false);
    if (refusal) {
      setError(refusal);
      return;
    }
    setText("");
    setPicked([]);
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };

  return (
    <form onSubmit={handleSubmit} className="space-y-1.5">
      <MentionTextarea
        label={props.label}
        value={text}
        members={props.members}
        onChange={setText}
        onPick={(person) => setPicked((previous) => [person, ...previous.filter((item) => item.id !== person.id)])}
        onSubmit={() => void submit()}
        placeholder={props.placeholder ?? "Write a comment; @ to mention someone"}
        autoFocus={props.autoFocus}
      />
      {text.length > MAX_COMMENT_LENGTH ? (
        <p className="text-xs text-red-700">
          {text.length.toLocaleString("en")} of {MAX_COMMENT_LENGTH.toLocaleString("en")} characters.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-end gap-2">
        {props.children}
        {props.onCancel ? (
          <Button size="sm" variant="ghost" onClick={props.onCancel} disabled={isPending}>
            Cancel
          </Button>
        ) : null}
        <Button size="sm" variant="primary" type="submit" disabled={isPending}>
          {isPending ? "Sending…" : props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
