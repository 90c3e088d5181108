"use client";

import { ActionForm } from "../forms/action-form";
import type { FormAction } from "../forms/action-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

/** Names the text as it is now as a version (writers only; the page leaves it out for others). */
export function NameVersionForm({ action }: { action: FormAction }) {
  return (
    <ActionForm action={action} resetOnSuccess showSuccess aria-label="Name this version" className="space-y-3">
      <TextField
        label="Name this version"
        name="name"
        required
        maxLength={120}
        placeholder="e.g. Before the April imagery"
        description="Freezes the text, judgements, citations and approvals as they are now."
      />
      <SubmitButton pendingLabel="Saving…">Save version</SubmitButton>
    </ActionForm>
  );
}
