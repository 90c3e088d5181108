"use client";

import type { Editor } from "@tiptap/core";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { isAllowedLink } from "@/lib/editor/editor-extensions";

/**
 * Adds, changes or removes the link at the selection. With nothing selected, the address itself
 * is inserted as the link's text.
 */
export function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const inputId = useId();
  const errorId = useId();
  const current = editor.getAttributes("link").href;
  const [href, setHref] = useState(typeof current === "string" ? current : "");
  const [error, setError] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = href.trim();
    if (address === "" || !isAllowedLink(address)) {
      setError("Enter a web address (https://…) or an email link (mailto:…).");
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    if (editor.state.selection.empty && !editor.isActive("link")) {
      chain.insertContent({ type: "text", text: address, marks: [{ type: "link", attrs: { href: address } }] }).run();
    } else {
      chain.setLink({ href: address }).run();
    }
    onDone();
  }

  function handleRemove() {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onDone();
  }

  return (
    <form
      aria-label="Link"
      onSubmit={handleSubmit}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          editor.commands.focus();
          onDone();
        }
      }}
      className="flex flex-wrap items-start gap-2 border-t border-slate-100 px-3 py-2"
    >
      <div className="min-w-56 flex-1">
        <label htmlFor={inputId} className="sr-only">
          Link address
        </label>
        <input
          id={inputId}
          type="text"
          inputMode="url"
          autoComplete="url"
          // The form opens on request; the address field is where the user wants to type.
          // biome-ignore lint/a11y/noAutofocus: opened by an explicit click on "Link"
          autoFocus
          placeholder="https://…"
          value={href}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setHref(event.target.value);
            setError(null);
          }}
          className="h-8 w-full rounded-md border border-slate-300 px-2 text-sm focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/30"
        />
        {error ? (
          <p id={errorId} className="mt-1 text-xs text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant="primary" size="sm">
        Apply link
      </Button>
      {current ? (
        <Button size="sm" onClick={handleRemove}>
          Remove link
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" onClick={onDone}>
        Cancel
      </Button>
    </form>
  );
}
