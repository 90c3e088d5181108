import type { Metadata } from "next";
import { CreateInvitationForm } from "@/components/members/create-invitation-form";
import { InvitationsTable } from "@/components/members/invitations-table";
import { MembersTable } from "@/components/members/members-table";
import { ReviewRulesForm } from "@/components/reviews/review-rules-form";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { RenameWorkspaceForm } from "@/components/workspaces/rename-workspace-form";
import { canManageWorkspace, ROLE_DESCRIPTIONS, ROLE_LABELS, WORKSPACE_ROLES } from "@/lib/roles";
import { listInvitations } from "@/server/invitations/list-invitations";
import { listMembers } from "@/server/members/list-members";
import { loadWorkspacePage } from "../../../_lib/load-workspace-page";
import {
  changeMemberRoleAction,
  createInvitationAction,
  leaveWorkspaceAction,
  removeMemberAction,
  renameWorkspaceAction,
  revokeInvitationAction,
  updateReviewRulesAction,
} from "./actions";

export const metadata: Metadata = { title: "Members" };

/** Who is in the workspace; owners also manage roles and invitation links here. */
export default async function MembersPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { actor, workspace } = await loadWorkspacePage(workspaceId, `/w/${workspaceId}/members`);
  const isOwner = canManageWorkspace(workspace.role);
  const [members, invitations] = await Promise.all([
    listMembers({ actor, workspaceId }),
    isOwner ? listInvitations({ actor, workspaceId }) : Promise.resolve([]),
  ]);
  const pending = invitations.filter((invitation) => invitation.status === "pending");

  return (
    <>
      <PageHeader
        eyebrow={workspace.name}
        title="Members"
        description={`${members.length} ${members.length === 1 ? "member" : "members"}. Your role: ${ROLE_LABELS[workspace.role]}.`}
        actions={
          <ConfirmDialog
            action={leaveWorkspaceAction.bind(null, workspaceId)}
            triggerLabel="Leave workspace"
            triggerSize="md"
            title={`Leave ${workspace.name}?`}
            description="You lose access to its assessments at once. To come back you need a new invitation. The last owner cannot leave."
            confirmLabel="Leave workspace"
          />
        }
      />

      <div className="space-y-6">
        {isOwner ? (
          <Card aria-labelledby="workspace-name-heading">
            <CardHeader
              id="workspace-name-heading"
              title="Workspace"
              description="Its name, as every member sees it in the workspace menu and on its pages."
            />
            <div className="p-5">
              <RenameWorkspaceForm action={renameWorkspaceAction.bind(null, workspaceId)} name={workspace.name} />
            </div>
          </Card>
        ) : null}

        <Card aria-labelledby="members-heading">
          <CardHeader id="members-heading" title="People" />
          <MembersTable
            members={members}
            currentUserId={actor.id}
            manage={
              isOwner
                ? {
                    changeRole: changeMemberRoleAction.bind(null, workspaceId),
                    remove: removeMemberAction.bind(null, workspaceId),
                  }
                : undefined
            }
          />
        </Card>

        {isOwner ? (
          <Card aria-labelledby="invitations-heading">
            <CardHeader
              id="invitations-heading"
              title="Invitations"
              description="Invite people with a link. Whoever opens it signs in or creates an account, then joins with the link's role."
            />
            <div className="border-b border-slate-200 p-5">
              <CreateInvitationForm action={createInvitationAction.bind(null, workspaceId)} />
            </div>
            <h3 className="px-5 pt-4 text-sm font-semibold text-slate-900">Pending invitations</h3>
            <InvitationsTable invitations={pending} revoke={revokeInvitationAction.bind(null, workspaceId)} />
          </Card>
        ) : null}

        <Card aria-labelledby="review-rules-heading">
          <CardHeader
            id="review-rules-heading"
            title="Review rules"
            description={`Each judgement needs ${approvalsText(workspace.requiredApprovals)} from reviewers or owners; each key judgement needs ${approvalsText(workspace.requiredKeyApprovals)}. An approval stops counting once the judgement or its cited evidence changes, and nobody approves their own change.`}
          />
          {isOwner ? (
            <div className="p-5">
              <ReviewRulesForm
                action={updateReviewRulesAction.bind(null, workspaceId)}
                requiredApprovals={workspace.requiredApprovals}
                requiredKeyApprovals={workspace.requiredKeyApprovals}
              />
            </div>
          ) : null}
        </Card>

        <section aria-labelledby="roles-heading" className="text-sm text-slate-600">
          <h2 id="roles-heading" className="mb-2 font-semibold text-slate-900">
            What the roles can do
          </h2>
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[8rem_1fr]">
            {WORKSPACE_ROLES.map((role) => (
              <div key={role} className="contents">
                <dt className="font-medium text-slate-800">{ROLE_LABELS[role]}</dt>
                <dd>{ROLE_DESCRIPTIONS[role]}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </>
  );
}

function approvalsText(count: number): string {
  return `${count} current ${count === 1 ? "approval" : "approvals"}`;
}
