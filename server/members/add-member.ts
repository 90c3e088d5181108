import { eq, sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { memberships, users, workspaces } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/roles";
import { addMemberInput, type Member } from "@/lib/schemas/workspaces";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishMembershipChanged } from "../events/publish-membership-changed";
import { parseInput } from "../http/parse-input";
import { requireMembership } from "../policies/require-membership";
import { lockWorkspace } from "../workspaces/lock-workspace";
import { queryMembers } from "./query-members";

export interface AddMemberOptions {
  actor: Actor;
  workspaceId: string;
  /** Email address of an existing account (any case). People without an account get an invitation link instead. */
  email: string;
  role: WorkspaceRole;
}

/** Adds an existing user to a workspace with a role (owners only), and announces it after the commit. */
export async function addMember(options: AddMemberOptions): Promise<Member> {
  const input = parseInput(addMemberInput, { email: options.email, role: options.role });
  const { actor, workspaceId } = options;
  const member = await getDatabase().transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const callerRole = await requireMembership({ db: tx, workspaceId, actor });
    if (callerRole !== "owner") throw new AppError("forbidden:workspace", "Only owners can add members.");
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email));
    if (!user) {
      const message = "No account uses this email address. Send an invitation link instead.";
      throw new AppError("not_found:user", message, { fields: { email: [message] } });
    }
    const inserted = await tx
      .insert(memberships)
      .values({ workspaceId, userId: user.id, role: input.role })
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    if (inserted.length === 0) {
      const message = "This person is already a member of this workspace.";
      throw new AppError("conflict:member", message, { fields: { email: [message] } });
    }
    await tx.update(workspaces).set({ updatedAt: sql`now()` }).where(eq(workspaces.id, workspaceId));
    await recordAuditEvent({
      db: tx,
      workspaceId,
      actorUserId: auditActorId(actor),
      action: "member.added",
      targetType: "user",
      targetId: user.id,
      data: { role: input.role },
    });
    const [member] = await queryMembers({ db: tx, workspaceId, userId: user.id });
    if (!member) throw new Error("the new membership was not found in its own transaction");
    return member;
  });
  // After the commit: a former reviewer's verdicts count again, so open review panels reload.
  await publishMembershipChanged({ workspaceId, userId: member.userId });
  return member;
}
