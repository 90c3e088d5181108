import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSessionActor } from "@/server/auth/session";
import { SignedInShell } from "../../_components/signed-in-shell";
import { createWorkspaceAction } from "./actions";

export const metadata: Metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  const actor = await requireSessionActor("/w/new");
  return (
    <SignedInShell actor={actor}>
      <div className="mx-auto max-w-xl">
        <PageHeader
          title="Create a workspace"
          description="A workspace is a team: its members write, review and read assessments together. You will be its owner and can invite others next."
        />
        <Card className="p-6">
          <ActionForm action={createWorkspaceAction} className="space-y-4" aria-label="Create a workspace">
            <TextField
              label="Workspace name"
              name="name"
              required
              maxLength={120}
              autoFocus
              placeholder="e.g. North Korea arms transfers desk"
            />
            <SubmitButton pendingLabel="Creating…">Create workspace</SubmitButton>
          </ActionForm>
        </Card>
      </div>
    </SignedInShell>
  );
}
