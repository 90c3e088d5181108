"use client";

import { ActionForm } from "@/components/forms/action-form";
import type { FormAction } from "@/components/forms/action-state";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";

// The API accepts 1–5 (lib/schemas/workspaces.ts); the select offers exactly those.
const COUNT_OPTIONS = [1, 2, 3, 4, 5].map((count) => ({
  value: String(count),
  label: `${count} ${count === 1 ? "approval" : "approvals"}`,
}));

/**
 * The workspace's review rules for owners: how many current approvals each judgement needs, and
 * each key judgement. The domain function refuses key judgements needing fewer than the others,
 * and that message shows under the field.
 */
export function ReviewRulesForm({
  action,
  requiredApprovals,
  requiredKeyApprovals,
}: {
  action: FormAction;
  requiredApprovals: number;
  requiredKeyApprovals: number;
}) {
  return (
    <ActionForm
      action={action}
      showSuccess
      aria-label="Review rules"
      className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start"
    >
      <SelectField
        label="Each judgement needs"
        name="requiredApprovals"
        options={COUNT_OPTIONS}
        defaultValue={String(requiredApprovals)}
      />
      <SelectField
        label="Each key judgement needs"
        name="requiredKeyApprovals"
        options={COUNT_OPTIONS}
        defaultValue={String(requiredKeyApprovals)}
        description="At least as many as other judgements."
      />
      <SubmitButton className="sm:mt-6" pendingLabel="Saving…">
        Save review rules
      </SubmitButton>
    </ActionForm>
  );
}
