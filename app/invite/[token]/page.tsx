import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { formatExact, RelativeTime } from "@/components/ui/relative-time";
import { isAppError } from "@/lib/errors";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/roles";
import type { InvitationStatus } from "@/lib/schemas/invitations";
import type { Actor } from "@/server/auth/actor";
import { getSessionActor } from "@/server/auth/session";
import { previewInvitation } from "@/server/invitations/preview-invitation";
import { getWorkspace } from "@/server/workspaces/get-workspace";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation" };

const UNAVAILABLE: Record<Exclude<InvitationStatus, "pending">, { title: string; body: string }> = {
  accepted: {
    title: "This invitation has already been used",
    body: "Each invitation link works once. Ask an owner of the workspace for a new link if you still need access.",
  },
  expired: {
    title: "This invitation has expired",
    body: "Ask an owner of the workspace for a new invitation link.",
  },
  revoked: {
    title: "This invitation was revoked",
    body: "An owner of the workspace withdrew this link. Ask them for a new one if you still need access.",
  },
};

const homeLink = (
  <Link href="/" className="font-medium text-accent-700 hover:underline">
    Go to Parallax
  </Link>
);

/** Whether the signed-in user belongs to the workspace (non-members get 404 from the domain). */
async function isMember(actor: Actor, workspaceId: string): Promise<boolean> {
  try {
    await getWorkspace({ actor, workspaceId });
    return true;
  } catch (error) {
    if (isAppError(error) && error.kind === "not_found") return false;
    throw error;
  }
}

/**
 * An invitation link: who invites you where, with which role, and a button to accept. A link that
 * is used, expired or revoked takes a member of its workspace there, and tells anyone else why
 * it no longer works.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const path = `/invite/${encodeURIComponent(token)}`;
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);

  const preview = await previewInvitation({ token }).catch((error: unknown) => {
    if (isAppError(error) && error.kind === "not_found") return error;
    throw error;
  });
  if (isAppError(preview)) {
    return (
      <AuthShell title="Invitation not found" footer={homeLink}>
        <Alert tone="error">{preview.message}</Alert>
      </AuthShell>
    );
  }
  if (preview.status !== "pending") {
    // Whoever used the link (or anyone else already in the workspace) opening it again is on their
    // way to the workspace: send them there. Everyone else learns only that the link is spent.
    if (await isMember(actor, preview.workspaceId)) redirect(`/w/${preview.workspaceId}`);
    const unavailable = UNAVAILABLE[preview.status];
    return (
      <AuthShell title={unavailable.title} footer={homeLink}>
        <p className="text-sm text-slate-700">{unavailable.body}</p>
      </AuthShell>
    );
  }

  const expiresAt = new Date(preview.expiresAt);
  return (
    <AuthShell
      title={`Join ${preview.workspaceName}`}
      description="You have been invited to a Parallax workspace."
      footer={
        <>
          Signed in as {actor.email}. Not you?{" "}
          <SignOutButton callbackPath={path}>Sign out and use another account</SignOutButton>
        </>
      }
    >
      <dl className="space-y-3 text-sm">
        <div>
          <dt className="font-medium text-slate-500">Workspace</dt>
          <dd className="text-slate-900">{preview.workspaceName}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-500">Role</dt>
          <dd className="text-slate-900">
            {ROLE_LABELS[preview.role]} — {ROLE_DESCRIPTIONS[preview.role]}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-500">Link expires</dt>
          <dd className="text-slate-900">
            <RelativeTime date={expiresAt} /> ({formatExact(expiresAt)})
          </dd>
        </div>
      </dl>
      <ActionForm action={acceptInvitationAction.bind(null, token)} className="mt-6 space-y-4">
        <SubmitButton className="w-full" pendingLabel="Joining…">
          Accept invitation
        </SubmitButton>
      </ActionForm>
      <Link href="/" className={buttonClasses({ variant: "ghost", className: "mt-2 w-full" })}>
        Not now
      </Link>
    </AuthShell>
  );
}
