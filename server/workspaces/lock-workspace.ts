import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { workspaces } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "../policies/require-membership";

/**
 * Locks a workspace row for the rest of the transaction. Every change to a workspace's
 * memberships takes this lock first, so that checks such as "is there another owner?" and
 * the write that depends on them cannot interleave with a concurrent change: two owners
 * demoting each other at the same moment run one after the other, and the second sees the first.
 * Unknown (or malformed) ids are 404, like everywhere else.
 */
export async function lockWorkspace(tx: Transaction, workspaceId: string): Promise<{ id: string; name: string }> {
  if (!isUuid(workspaceId)) throw new AppError("not_found:workspace");
  const [row] = await tx
    .select({ id: workspaces.id, name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for("update");
  if (!row) throw new AppError("not_found:workspace");
  return row;
}
