"use client";

import { useState } from "react";
import { ActionForm } from "../forms/action-form";
import type { FormAction } from "../forms/action-state";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { Alert } from "../ui/alert";
import { CopyField } from "../ui/copy-field";
import { ROLE_OPTIONS } from "./role-options";

const EXPIRY_OPTIONS = [
  { value: "24", label: "1 day" },
  { value: "72", label: "3 days" },
  { value: "168", label: "7 days" },
  { value: "720", label: "30 days" },
];

/**
 * Creates an invitation link. The link is the secret: it is shown once, here, because only
 * its hash is stored, so it cannot be displayed again later.
 */
export function CreateInvitationForm({ action }: { action: FormAction<{ url: string }> }) {
  const [url, setUrl] = useState<string | null>(null);
  return (
    <div className="space-y-5">
      <ActionForm
        action={action}
        resetOnSuccess
        onSuccess={(state) => setUrl(state.data?.url ?? null)}
        className="grid gap-4 sm:grid-cols-[10rem_1fr_9rem_auto] sm:items-start"
        aria-label="Create an invitation link"
      >
        <SelectField label="Role" name="role" options={ROLE_OPTIONS} defaultValue="analyst" />
        <TextField
          label="Email (optional)"
          name="email"
          type="email"
          autoComplete="off"
          description="A note of whom the link is for. Anyone holding the link can use it."
        />
        <SelectField label="Expires after" name="expiresInHours" options={EXPIRY_OPTIONS} defaultValue="168" />
        <SubmitButton className="sm:mt-6" pendingLabel="Creating…">
          Create invitation link
        </SubmitButton>
      </ActionForm>
      {url ? (
        <Alert tone="warning" title="Copy this link now">
          <p className="mb-3">
            It is shown only once. Send it to the person you are inviting; it works once, for whoever opens it first.
          </p>
          <CopyField label="Invitation link" value={url} />
        </Alert>
      ) : null}
    </div>
  );
}
