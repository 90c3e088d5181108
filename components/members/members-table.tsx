import { ROLE_LABELS } from "@/lib/roles";
import type { Member } from "@/lib/schemas/workspaces";
import { ActionForm } from "../forms/action-form";
import type { FormAction } from "../forms/action-state";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { RelativeTime } from "../ui/relative-time";
import { TableHead } from "../ui/table-head";
import { ROLE_OPTIONS } from "./role-options";

/**
 * The members of a workspace. Owners get a role select and a remove button per row; everyone
 * else sees the roles as text.
 */
export function MembersTable({
  members,
  currentUserId,
  manage,
}: {
  members: Member[];
  currentUserId: string;
  /** Server actions for owners; absent for everyone else. */
  manage?: { changeRole: FormAction; remove: FormAction };
}) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Workspace members</caption>
        <TableHead columns={["Name", "Role", "Joined", ...(manage ? [{ label: "Actions", hidden: true }] : [])]} />
        <tbody className="divide-y divide-slate-100">
          {members.map((member) => {
            const isSelf = member.userId === currentUserId;
            return (
              <tr key={member.userId}>
                <th scope="row" className="px-5 py-3 font-normal">
                  <span className="block font-medium text-slate-900">
                    {member.name}
                    {isSelf ? <span className="font-normal text-slate-500"> (you)</span> : null}
                  </span>
                  <span className="block text-slate-500">{member.email}</span>
                </th>
                <td className="px-5 py-3">
                  {manage ? (
                    <ActionForm action={manage.changeRole} className="flex flex-wrap items-center gap-2" showSuccess>
                      <input type="hidden" name="userId" value={member.userId} />
                      <SelectField
                        label={`Role for ${member.name}`}
                        hideLabel
                        name="role"
                        options={ROLE_OPTIONS}
                        defaultValue={member.role}
                        className="w-36"
                      />
                      <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
                        Save<span className="sr-only"> role for {member.name}</span>
                      </SubmitButton>
                    </ActionForm>
                  ) : (
                    ROLE_LABELS[member.role]
                  )}
                </td>
                <td className="px-5 py-3 whitespace-nowrap text-slate-600">
                  <RelativeTime date={member.joinedAt} />
                </td>
                {manage ? (
                  <td className="px-5 py-3 text-right">
                    {isSelf ? null : (
                      <ConfirmDialog
                        action={manage.remove}
                        fields={{ userId: member.userId }}
                        triggerLabel={
                          <>
                            Remove<span className="sr-only"> {member.name}</span>
                          </>
                        }
                        title={`Remove ${member.name}?`}
                        description={`${member.name} loses access to this workspace and its assessments at once. You can invite them again later.`}
                        confirmLabel="Remove member"
                      />
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
