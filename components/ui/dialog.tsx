"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { FOCUS_RING } from "./button";

/**
 * A modal dialog (Radix: focus trapped inside, Escape closes, focus returns to the trigger).
 * `trigger` must be a single focusable element, typically a `<Button>`.
 */
export function Dialog({
  trigger,
  title,
  description,
  children,
  open,
  onOpenChange,
}: {
  trigger: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl focus:outline-none"
          // Without a description Radix warns unless aria-describedby is explicitly absent.
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <RadixDialog.Title className="text-lg font-semibold text-slate-900">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description>
          ) : null}
          <div className="mt-5">{children}</div>
          <DialogCornerClose />
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** The × button in a dialog's top-right corner. */
export function DialogCornerClose() {
  return (
    <RadixDialog.Close
      className={`absolute top-4 right-4 rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 ${FOCUS_RING}`}
    >
      <span className="sr-only">Close</span>
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none">
        <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
    </RadixDialog.Close>
  );
}

/** A button that closes the enclosing dialog (e.g. "Cancel"). */
export const DialogClose = RadixDialog.Close;
