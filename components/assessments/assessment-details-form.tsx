"use client";

import type { TlpMarking } from "@/lib/tlp";
import { ActionForm } from "../forms/action-form";
import type { FormAction } from "../forms/action-state";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { TLP_OPTIONS } from "./tlp-options";

/** Edits an assessment's title, key question and TLP marking; shown only to those who may edit. */
export function AssessmentDetailsForm({
  action,
  title,
  keyQuestion,
  tlp,
}: {
  action: FormAction;
  title: string;
  keyQuestion: string;
  tlp: TlpMarking;
}) {
  return (
    <ActionForm action={action} className="space-y-4 p-5" aria-label="Assessment details" showSuccess>
      <TextField label="Title" name="title" defaultValue={title} required maxLength={200} />
      <TextField
        label="Key question"
        name="keyQuestion"
        defaultValue={keyQuestion}
        rows={3}
        maxLength={2000}
        description="The question decision-makers need answered."
      />
      <SelectField
        label="TLP"
        name="tlp"
        options={TLP_OPTIONS}
        defaultValue={tlp}
        description="Traffic Light Protocol marking: who may receive this assessment."
        className="max-w-xs"
      />
      <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
    </ActionForm>
  );
}
