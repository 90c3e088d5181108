"use client";

import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/components/forms/action-state";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";

/** The workspace's name for owners; the domain function validates it and says what is wrong under the field. */
export function RenameWorkspaceForm({ action, name }: { action: FormAction; name: string }) {
  return (
    <ActionForm
      action={action}
      showSuccess
      aria-label="Workspace name"
      className="grid gap-4 sm:grid-cols-[1fr_auto] sm:items-start"
    >
      <TextField label="Name" name="name" defaultValue={name} required maxLength={120} autoComplete="off" />
      <SubmitButton className="sm:mt-6" pendingLabel="Renaming…">
        Rename workspace
      </SubmitButton>
    </ActionForm>
  );
}
