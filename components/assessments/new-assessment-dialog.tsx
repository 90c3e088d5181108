"use client";

import { ActionForm } from "../forms/action-form";
import type { FormAction } from "../forms/action-state";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { Button } from "../ui/button";
import { Dialog, DialogClose } from "../ui/dialog";
import { DEFAULT_TLP, TLP_OPTIONS } from "./tlp-options";

/** "New assessment" button and its dialog. Render it only for roles that can write. */
export function NewAssessmentDialog({ action }: { action: FormAction }) {
  return (
    <Dialog
      title="New assessment"
      description="Give it a working title and the question it answers; both can change later."
      trigger={<Button variant="primary">New assessment</Button>}
    >
      <ActionForm action={action} className="space-y-4" aria-label="New assessment">
        <TextField label="Title" name="title" required maxLength={200} autoFocus />
        <TextField
          label="Key question"
          name="keyQuestion"
          rows={3}
          maxLength={2000}
          description="Optional. The question decision-makers need answered."
        />
        <SelectField
          label="TLP"
          name="tlp"
          options={TLP_OPTIONS}
          defaultValue={DEFAULT_TLP}
          description="Traffic Light Protocol marking: who may receive this assessment."
        />
        <div className="flex justify-end gap-2 pt-2">
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <SubmitButton pendingLabel="Creating…">Create assessment</SubmitButton>
        </div>
      </ActionForm>
    </Dialog>
  );
}
