"use client";

import clsx from "clsx";
import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from "react";
import { FOCUS_RING } from "@/components/ui/button";
import {
  insertMention,
  type MentionCandidate,
  type MentionQuery,
  mentionQueryAt,
  suggestMentions,
} from "@/lib/editor/comment-mentions";
import type { Mentionable } from "./use-workspace-members";

export interface MentionTextareaProps {
  /** Accessible name of the text box. */
  label: string;
  value: string;
  members: readonly Mentionable[];
  onChange: (value: string) => void;
  /** Told whom the writer picked from the suggestions, so that person's id is the one sent. */
  onPick: (person: MentionCandidate) => void;
  /** Ctrl/Cmd+Enter. */
  onSubmit: () => void;
  placeholder?: string;
  autoFocus?: boolean;
  disabled?: boolean;
}

/**
 * A plain-text comment box with @mention suggestions of the workspace's members: typing `@`
 * and part of a name lists matches; arrows move, Enter or Tab inserts `@Name`, Escape closes
 * the list. The box keeps focus throughout (the list is announced through active-descendant).
 */
export function MentionTextarea(props: MentionTextareaProps) {
  const { value, members, onChange, onPick, onSubmit } = props;
  const textarea = useRef<HTMLTextAreaElement>(null);
  /** Where the caret goes once React has written a value with a new mention in it. */
  const pendingCaret = useRef<number | null>(null);
  const listId = useId();
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const suggestions = query ? suggestMentions(members, query.query) : [];
  const isOpen = suggestions.length > 0;
  const activeIndex = Math.min(active, Math.max(suggestions.length - 1, 0));

  const updateQuery = (text: string, caret: number) => {
    setQuery(mentionQueryAt(text, caret));
    setActive(0);
  };

  const choose = (person: Mentionable) => {
    const element = textarea.current;
    if (!element || !query) return;
    const result = insertMention(value, query, element.selectionStart, person.name);
    onChange(result.text);
    onPick(person);
    setQuery(null);
    pendingCaret.current = result.caret;
  };

  // The caret goes after the mention in the same commit that writes the new value: written any
  // later (it was a frame later), keys typed in between landed at the end and the caret then
  // jumped back before them.
  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    const element = textarea.current;
    if (caret === null || !element) return;
    pendingCaret.current = null;
    element.focus();
    element.setSelectionRange(caret, caret);
  });

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isOpen) {
      const choice = suggestions[activeIndex];
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((activeIndex + step + suggestions.length) % suggestions.length);
        return;
      }
      if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && choice) {
        event.preventDefault();
        choose(choice);
        return;
      }
      if (event.key === "Escape") {
        // Closes the list only, not whatever holds the box.
        event.preventDefault();
        event.stopPropagation();
        setQuery(null);
        return;
      }
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit();
    }
  };

  return (
    <div className="relative">
      <textarea
        ref={textarea}
        aria-label={props.label}
        aria-autocomplete="list"
        aria-controls={isOpen ? listId : undefined}
        aria-activedescendant={isOpen ? `${listId}-${activeIndex}` : undefined}
        value={value}
        rows={2}
        placeholder={props.placeholder}
        // biome-ignore lint/a11y/noAutofocus: the box opens because the user asked to write a comment.
        autoFocus={props.autoFocus}
        disabled={props.disabled}
        onChange={(event) => {
          onChange(event.target.value);
          updateQuery(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={handleKeyDown}
        onClick={(event) => updateQuery(event.currentTarget.value, event.currentTarget.selectionStart)}
        onBlur={() => setQuery(null)}
        className={clsx(
          "block w-full resize-y rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 placeholder:text-slate-400",
          FOCUS_RING,
        )}
      />
      {isOpen ? (
        <div
          id={listId}
          role="listbox"
          aria-label="People to mention"
          className="absolute inset-x-0 top-full z-20 mt-1 max-h-48 overflow-auto rounded border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {suggestions.map((person, index) => (
            <div
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === activeIndex}
              // Mouse down, not click: the box must not lose focus (and close the list) first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(person);
              }}
              className={clsx(
                "cursor-pointer px-2 py-1",
                index === activeIndex ? "bg-accent-50 text-accent-800" : "text-slate-800",
              )}
            >
              <span className="font-medium">{person.name}</span>{" "}
              <span className="text-xs text-slate-500">{person.email}</span>
            </div>
          ))}
        </div>
      ) : null}
      <span className="sr-only" aria-live="polite">
        {isOpen ? `${suggestions.length} ${suggestions.length === 1 ? "person matches" : "people match"}` : ""}
      </span>
    </div>
  );
}
