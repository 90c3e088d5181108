import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { createTestTeam } from "../testing/factories";
import { recordAuditEvent } from "./record-audit-event";

/** One event, returned as stored. */
async function oneEvent() {
  const team = await createTestTeam();
  await recordAuditEvent({
    db: getDatabase(),
    workspaceId: team.workspace.id,
    actorUserId: team.owner.id,
    action: "workspace.renamed",
    targetType: "workspace",
    targetId: team.workspace.id,
    data: { from: "Old", to: "New" },
  });
  const [row] = await getDatabase().select().from(auditEvents).where(eq(auditEvents.workspaceId, team.workspace.id));
  if (!row) throw new Error("the event was not stored");
  return row;
}

/** The message of a rejected database call, whichever driver wrapped it. */
async function failureOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!error) throw new Error("the statement was not refused");
  const cause = (error as { cause?: unknown }).cause;
  return `${String(error)} ${cause ? String(cause) : ""}`;
}

describe("audit_events is append-only in the database", () => {
  it("refuses a raw SQL UPDATE and leaves the row as it was", async () => {
    const row = await oneEvent();
    const message = await failureOf(
      getDatabase().execute(sql`UPDATE audit_events SET action = 'workspace.deleted' WHERE id = ${row.id}`),
    );
    expect(message).toContain("append-only");
    const [after] = await getDatabase().select().from(auditEvents).where(eq(auditEvents.id, row.id));
    expect(after).toEqual(row);
  });

  it("refuses an UPDATE through the query builder, e.g. to hide who did it", async () => {
    const row = await oneEvent();
    const message = await failureOf(
      getDatabase().update(auditEvents).set({ actorUserId: null }).where(eq(auditEvents.id, row.id)),
    );
    expect(message).toContain("append-only");
    const [after] = await getDatabase().select().from(auditEvents).where(eq(auditEvents.id, row.id));
    expect(after?.actorUserId).toBe(row.actorUserId);
  });

  it("lets a deleted user's events stay, with the actor cleared by the foreign key", async () => {
    const row = await oneEvent();
    if (!row.actorUserId) throw new Error("the event has no actor");
    await getDatabase().delete(users).where(eq(users.id, row.actorUserId));
    const [after] = await getDatabase().select().from(auditEvents).where(eq(auditEvents.id, row.id));
    expect(after).toEqual({ ...row, actorUserId: null });
  });
});
