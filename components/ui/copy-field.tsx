"use client";

import { type ReactNode, useId, useRef, useState } from "react";
import { CONTROL_CLASSES } from "../forms/control-classes";
import { Button } from "./button";

/**
 * A read-only value with a Copy button, for secrets shown once (invitation links, API tokens).
 * Falls back to selecting the text when the Clipboard API is unavailable (e.g. plain http).
 */
export function CopyField({ label, value, description }: { label: ReactNode; value: string; description?: ReactNode }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState("");

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("Copied to the clipboard.");
    } catch {
      inputRef.current?.select();
      setStatus("Press Ctrl+C (or ⌘C) to copy the selected text.");
    }
  }

  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          ref={inputRef}
          id={id}
          readOnly
          value={value}
          aria-describedby={description ? `${id}-hint` : undefined}
          onFocus={(event) => event.currentTarget.select()}
          className={`${CONTROL_CLASSES} border-slate-300 font-mono`}
        />
        <Button onClick={handleCopy}>Copy</Button>
      </div>
      {description ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {description}
        </p>
      ) : null}
      <p role="status" className="mt-1 min-h-5 text-xs text-emerald-700">
        {status}
      </p>
    </div>
  );
}
