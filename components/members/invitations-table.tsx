import { ROLE_LABELS } from "@/lib/roles";
import type { InvitationSummary } from "@/lib/schemas/invitations";
import type { FormAction } from "../forms/action-state";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { RelativeTime } from "../ui/relative-time";
import { TableHead } from "../ui/table-head";

/** Pending invitation links of a workspace, each revocable. */
export function InvitationsTable({ invitations, revoke }: { invitations: InvitationSummary[]; revoke: FormAction }) {
  if (invitations.length === 0) {
    return <p className="px-5 py-6 text-sm text-slate-600">No pending invitations.</p>;
  }
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Pending invitations</caption>
        <TableHead columns={["For", "Role", "Created", "Expires", { label: "Actions", hidden: true }]} />
        <tbody className="divide-y divide-slate-100">
          {invitations.map((invitation) => {
            const target = invitation.email ?? "Anyone with the link";
            return (
              <tr key={invitation.id}>
                <th scope="row" className="px-5 py-3 font-medium text-slate-900">
                  {target}
                </th>
                <td className="px-5 py-3">{ROLE_LABELS[invitation.role]}</td>
                <td className="px-5 py-3 text-slate-600">
                  <RelativeTime date={invitation.createdAt} />
                  {invitation.createdBy ? ` by ${invitation.createdBy.name}` : null}
                </td>
                <td className="px-5 py-3 whitespace-nowrap text-slate-600">
                  <RelativeTime date={invitation.expiresAt} />
                </td>
                <td className="px-5 py-3 text-right">
                  <ConfirmDialog
                    action={revoke}
                    fields={{ invitationId: invitation.id }}
                    triggerLabel={
                      <>
                        Revoke<span className="sr-only"> invitation for {target}</span>
                      </>
                    }
                    title="Revoke this invitation?"
                    description="The link stops working at once. Anyone who already joined with it stays a member."
                    confirmLabel="Revoke invitation"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
