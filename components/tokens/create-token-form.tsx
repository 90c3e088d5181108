"use client";

import { useState } from "react";
import { ActionForm } from "../forms/action-form";
import type { FormAction } from "../forms/action-state";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { Alert } from "../ui/alert";
import { CopyField } from "../ui/copy-field";

const EXPIRY_OPTIONS = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "", label: "Never (until revoked)" },
];

/**
 * Creates an API token and shows its secret once: only a hash is stored, so the secret cannot
 * be shown again and a lost token is revoked and replaced.
 */
export function CreateTokenForm({ action }: { action: FormAction<{ name: string; secret: string }> }) {
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  return (
    <div className="space-y-5">
      <ActionForm
        action={action}
        resetOnSuccess
        onSuccess={(state) => setCreated(state.data ?? null)}
        className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start"
        aria-label="Create an API token"
      >
        <TextField
          label="Name"
          name="name"
          required
          maxLength={100}
          description="Name it after the script or machine that will use it."
        />
        <SelectField label="Expires after" name="expiresInDays" options={EXPIRY_OPTIONS} defaultValue="90" />
        <SubmitButton className="sm:mt-6" pendingLabel="Creating…">
          Create token
        </SubmitButton>
      </ActionForm>
      {created ? (
        <Alert tone="warning" title={`Copy the token “${created.name}” now`}>
          <p className="mb-3">
            This is the only time it is shown. Store it somewhere safe, such as a password manager or your CI secrets;
            anyone who has it can act as you through the API.
          </p>
          <CopyField label="API token" value={created.secret} description="Send it as: Authorization: Bearer <token>" />
        </Alert>
      ) : null}
    </div>
  );
}
