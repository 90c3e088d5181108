import { and, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { memberships } from "@/db/schema";
import { canWriteAssessments } from "@/lib/roles";
import { logger } from "../logger";
import type { CollabContext, CollabSocket, JoinedDocument } from "./collab-types";
import { leaveDocument } from "./leave-document";

/**
 * Re-checks a user's live access after their membership of a workspace changed (role change or
 * removal, announced by `membership.changed` on the event bus, from any process). Connections of
 * a removed member get `doc:closed` "access_revoked" and leave the workspace's documents; a new
 * role takes effect at once and is announced with `doc:role`.
 */
export async function applyMembershipChange(
  ctx: CollabContext,
  event: { workspaceId: string; userId: string },
): Promise<void> {
  const affected: { socket: CollabSocket; joined: JoinedDocument }[] = [];
  for (const socket of ctx.namespace.sockets.values()) {
    if (socket.data.actor?.id !== event.userId) continue;
    for (const joined of socket.data.collab?.joined.values() ?? []) {
      if (joined.workspaceId === event.workspaceId) affected.push({ socket, joined });
    }
  }
  if (affected.length === 0) return;
  const [membership] = await getDatabase()
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, event.workspaceId), eq(memberships.userId, event.userId)));
  for (const { socket, joined } of affected) {
    if (socket.data.collab?.joined.get(joined.documentId) !== joined) continue;
    if (!membership) {
      leaveDocument(ctx, socket, joined.documentId, "access_revoked");
      continue;
    }
    if (membership.role === joined.role) continue;
    joined.role = membership.role;
    joined.readOnly = joined.locked || !canWriteAssessments(membership.role);
    socket.emit("doc:role", joined.documentId, { readOnly: joined.readOnly, role: joined.role });
  }
  logger().info({ ...event, connections: affected.length, removed: !membership }, "live access re-checked");
}
