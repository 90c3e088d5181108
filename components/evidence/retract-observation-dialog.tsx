"use client";

import { useState } from "react";
import { ActionForm } from "../forms/action-form";
import type { FormAction } from "../forms/action-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { Button } from "../ui/button";
import { Dialog, DialogClose } from "../ui/dialog";

/**
 * Asks for the reason before retracting an observation. The reason is required: it is shown
 * wherever the observation is cited, so readers of a judgement learn why its evidence fell away.
 */
export function RetractObservationDialog<T>({
  action,
  label,
  revision,
}: {
  action: FormAction<T>;
  /** The observation's human label, e.g. OBS-27. */
  label: string;
  /** The revision on screen; if someone changed it since, the retraction is refused and explained. */
  revision: number;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Retract ${label}?`}
      description="A retracted observation is never deleted: it stays in the library and in every judgement that cites it, marked as retracted with your reason. It can no longer be edited."
      trigger={<Button variant="danger">Retract</Button>}
    >
      <ActionForm action={action} onSuccess={() => setOpen(false)} className="space-y-4">
        <input type="hidden" name="revision" value={revision} />
        <TextField
          label="Reason for retraction"
          name="reason"
          rows={3}
          required
          maxLength={2000}
          autoFocus
          description="e.g. The imagery was misdated; the source withdrew the report."
        />
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <SubmitButton variant="danger" pendingLabel="Retracting…">
            Retract observation
          </SubmitButton>
        </div>
      </ActionForm>
    </Dialog>
  );
}
