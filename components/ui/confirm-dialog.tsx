"use client";

import { type ReactNode, useState } from "react";
import { ActionForm } from "../forms/action-form";
import type { FormAction } from "../forms/action-state";
import { SubmitButton } from "../forms/submit-button";
import { Button, type ButtonSize, type ButtonVariant } from "./button";
import { Dialog, DialogClose } from "./dialog";

/**
 * A button that asks before running a destructive server action. `fields` identify what to act
 * on (e.g. a member id); they are not trusted for authorization, the domain function checks.
 */
export function ConfirmDialog({
  action,
  fields,
  triggerLabel,
  triggerVariant = "secondary",
  triggerSize = "sm",
  title,
  description,
  confirmLabel,
}: {
  action: FormAction;
  fields?: Record<string, string>;
  /** Visible text of the trigger button; may include screen-reader-only context. */
  triggerLabel: ReactNode;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={title}
      description={description}
      trigger={
        <Button variant={triggerVariant} size={triggerSize}>
          {triggerLabel}
        </Button>
      }
    >
      <ActionForm action={action} onSuccess={() => setOpen(false)} className="space-y-4">
        {Object.entries(fields ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <SubmitButton variant="danger">{confirmLabel}</SubmitButton>
        </div>
      </ActionForm>
    </Dialog>
  );
}
